#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace ipclab {

/// One worker's two-way channel to its peer, whatever carries it: two pipes, a socket, a pair of
/// message queues. The exchange loops are written once against this; each mechanism supplies
/// how one message goes out and comes in, in exactly the calls the lesson talks about.
class Duplex {
public:
    virtual ~Duplex() = default;
    /// Sends one message. False when the channel failed or the peer is gone.
    virtual bool send(std::span<const std::uint8_t> message) = 0;
    /// Receives into `buffer`: for a stream, until it is full (several calls if the kernel
    /// hands over less); for a message mechanism, one message. Returns the bytes received.
    virtual std::size_t receive(std::span<std::uint8_t> buffer) = 0;
    /// Closes what the worker opened (its teardown phase).
    virtual void close() = 0;
};

/// A byte stream over one fd to read and one to write (both may be the same socket).
class StreamDuplex : public Duplex {
public:
    StreamDuplex(int in, int out) : m_in(in), m_out(out) {}
    bool send(std::span<const std::uint8_t> message) override;
    std::size_t receive(std::span<std::uint8_t> buffer) override;
    void close() override;

private:
    int m_in;
    int m_out;
};

/// Whole messages over a connected datagram socket: one send, one receive per message.
class DatagramDuplex : public Duplex {
public:
    explicit DatagramDuplex(int fd) : m_fd(fd) {}
    bool send(std::span<const std::uint8_t> message) override;
    std::size_t receive(std::span<std::uint8_t> buffer) override;
    void close() override;

private:
    int m_fd;
};

} // namespace ipclab
