#include "quiz/observed_names.h"

#include <array>

namespace ipclab {

namespace {

constexpr std::array<std::string_view, 5> kPhases = {"startup", "setup", "transfer", "teardown", "total"};
constexpr std::array<std::string_view, 5> kFigures = {"crossings", "copies", "bytes", "bytes_user_to_kernel",
                                                      "bytes_kernel_to_user"};

} // namespace

bool isObservedFigureName(std::string_view name) {
    const std::size_t dot = name.find('.');
    if (dot == std::string_view::npos) {
        return false;
    }
    const std::string_view phase = name.substr(0, dot);
    const std::string_view figure = name.substr(dot + 1);
    bool phaseOk = false;
    bool figureOk = false;
    for (std::string_view known : kPhases) {
        phaseOk = phaseOk || known == phase;
    }
    for (std::string_view known : kFigures) {
        figureOk = figureOk || known == figure;
    }
    return phaseOk && figureOk;
}

std::string observedFigureRule() {
    return "a figure \"<phase>.<figure>\" with phase startup, setup, transfer, teardown or total and figure "
           "crossings, copies, bytes, bytes_user_to_kernel or bytes_kernel_to_user (\"transfer.crossings\")";
}

} // namespace ipclab
