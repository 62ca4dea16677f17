#pragma once

#include "events/event.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace ipclab {

/// What a worker role gets from ipclab-worker: its parameters, its channel fds by name, and a
/// way to tell the session which phase it is in and what it achieved. Roles make no system
/// call of their own outside the lesson's: phase marks and reports go on the control fd,
/// which the tracer leaves out.
class WorkerContext {
public:
    WorkerContext(std::map<std::string, std::int64_t> params, std::map<std::string, int> fds,
                  std::map<std::string, std::string> names = {});

    /// Throws std::out_of_range naming the key when the session did not pass it.
    std::int64_t param(const std::string& name) const;
    /// `fallback` when the scenario has no such parameter (an optional knob).
    std::int64_t paramOr(const std::string& name, std::int64_t fallback) const;
    int fd(const std::string& name) const;
    /// The name or path of an object this worker opens itself ("requests" -> "/ipclab-1-2-requests").
    /// Throws std::out_of_range naming the key when the session did not pass it.
    const std::string& name(const std::string& key) const;

    void enterPhase(Phase phase) const;
    /// Tells the session of a synchronisation step (for the sync timeline). Observer traffic,
    /// never counted; it costs one write on the control fd, so announce steps, not spins.
    void announceSync(SyncEvent::Kind kind, const std::string& object, std::int64_t value = -1) const;
    /// Tells the session that a shared object is mapped at [start, start + length), so that it
    /// can watch the pages from /proc. Observer traffic: never counted as this worker's IPC.
    /// `fields` say what the program keeps where in it (the mutex inside the segment, §14).
    void announceMapping(const void* start, std::size_t length, std::size_t dataOffset, const std::string& label,
                         std::vector<RegionField> fields = {}) const;
    void report(bool ok, const std::string& text) const;

private:
    std::map<std::string, std::int64_t> m_params;
    std::map<std::string, int> m_fds;
    std::map<std::string, std::string> m_names;
};

/// A role's exit code: 0 when the work was done and verified.
using WorkerRole = int (*)(const WorkerContext&);

/// Writes all of `size` bytes, retrying partial writes. Returns false on error.
bool writeFully(int fd, const std::uint8_t* data, std::size_t size);
/// Reads exactly `size` bytes unless EOF or an error comes first; returns the bytes read.
std::size_t readFully(int fd, std::uint8_t* data, std::size_t size);

} // namespace ipclab
