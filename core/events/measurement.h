#pragma once

#include <string>

namespace ipclab {

/// One figure measured untraced at full speed (DESIGN.md, Measure mode), shown beside a run:
/// "Unix stream socket: median round trip 18.4 µs, both processes on CPU 0".
struct Measurement {
    std::string name;      ///< what was measured: "median round trip, Unix stream socket"
    double value = 0.0;    ///< in `unit`
    std::string unit;      ///< "µs"
    std::string placement; ///< where the processes ran: "unpinned", "both on CPU 0", "CPU 0 and CPU 1"
    std::string method;    ///< how: "1000 round trips of 64 bytes, untraced, after 100 warm-up ones"
};

} // namespace ipclab
