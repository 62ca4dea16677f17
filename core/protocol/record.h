#pragma once

#include "events/event.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ipclab::protocol {

/// Worker -> session messages travel on one pipe per worker, always at this fd number in the
/// worker. The tracer knows it too, so this traffic never counts as the worker's IPC.
inline constexpr int kControlFd = 3;

/// Every record: magic, version, type, payload length, payload. Records are at most
/// kMaxRecordSize bytes, below PIPE_BUF, so each write is atomic and never interleaves.
inline constexpr std::uint32_t kMagic = 0x4c435049; // "IPCL" little-endian
inline constexpr std::uint16_t kVersion = 2;        // 2: Mapped records name the fields of the region
inline constexpr std::size_t kHeaderSize = 12;
inline constexpr std::size_t kMaxRecordSize = 512;

enum class RecordType : std::uint16_t {
    Go = 1,     ///< session -> worker: start (the worker waits for it so the tracer can attach first)
    Phase = 2,  ///< worker -> session: entering a phase; payload: phase byte + int64 time
    Report = 3, ///< worker -> session: the work done; payload: ok byte + text
    Ready = 4,  ///< worker -> session: started, now blocking for Go (the moment to attach a tracer)
    Mapped = 5, ///< worker -> session: a shared object is mapped here; payload: start, length, data offset,
                ///< field count, fields (offset, length, name), label
    Sync = 6,   ///< worker -> session: a synchronisation step; payload: kind, time, value, object
};

struct Record {
    RecordType type = RecordType::Go;
    std::vector<std::uint8_t> payload;
};

std::vector<std::uint8_t> encode(const Record& record);

/// Decodes records from a byte stream. Feed it what a read() returned; take() yields whole records.
class RecordDecoder {
public:
    void feed(const std::uint8_t* data, std::size_t size);
    /// The next whole record, or nullopt when more bytes are needed.
    std::optional<Record> take();
    /// Set when the stream held something that is not a record of this version.
    bool corrupt() const { return m_corrupt; }

private:
    std::vector<std::uint8_t> m_buffer;
    bool m_corrupt = false;
};

Record makePhaseRecord(Phase phase, std::int64_t timeNs);
Record makeReportRecord(bool ok, const std::string& text);

struct PhaseMark {
    Phase phase;
    std::int64_t timeNs;
};
/// Sends Ready, then blocks until Go arrives on kControlFd. False when the session went away.
bool announceReadyAndWaitForGo();

std::optional<PhaseMark> parsePhase(const Record& record);

struct MappedRegion {
    std::uint64_t start = 0;
    std::uint64_t length = 0;
    std::uint64_t dataOffset = 0; ///< where the payload begins, after the protocol's header
    std::string label;            ///< "System V segment key 0x1b…, id 7"
    std::vector<RegionField> fields{};
};
/// Fields that do not fit in one record (names are cut at 255 bytes) are left out, never split.
Record makeMappedRecord(const MappedRegion& region);
std::optional<MappedRegion> parseMapped(const Record& record);

struct SyncStep {
    std::uint8_t kind = 0;   ///< SyncEvent::Kind
    std::int64_t timeNs = 0; ///< CLOCK_MONOTONIC, absolute
    std::int64_t value = -1;
    std::string object;
};
Record makeSyncRecord(const SyncStep& step);
std::optional<SyncStep> parseSync(const Record& record);

struct WorkReport {
    bool ok = false;
    std::string text;
};
std::optional<WorkReport> parseReport(const Record& record);

} // namespace ipclab::protocol
