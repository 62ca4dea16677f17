#pragma once

#include <string>
#include <string_view>

namespace ipclab {

/// True for a figure name gradeObserved() understands: "<phase>.<figure>", phase one of
/// startup, setup, transfer, teardown, total; figure one of crossings, copies, bytes,
/// bytes_user_to_kernel, bytes_kernel_to_user.
bool isObservedFigureName(std::string_view name);

/// The rule above as one phrase, for error messages.
std::string observedFigureRule();

} // namespace ipclab
