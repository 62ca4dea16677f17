#include "scenario/scenario.h"

#include "common/error.h"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string_view>

namespace ipclab {

namespace {

constexpr std::int64_t kKiB = 1024;
constexpr std::int64_t kMiB = 1024 * 1024;

/// The multiplier a suffix stands for, or 0 when the suffix is not one we accept.
std::int64_t multiplierFor(std::string_view suffix) {
    if (suffix.empty()) {
        return 1;
    }
    if (suffix == "K" || suffix == "KiB") {
        return kKiB;
    }
    if (suffix == "M" || suffix == "MiB") {
        return kMiB;
    }
    return 0;
}

std::string knownParamsText(const Scenario& scenario) {
    if (scenario.params.empty()) {
        return "it takes no parameters";
    }
    std::string text = "its parameters are: ";
    for (std::size_t i = 0; i < scenario.params.size(); ++i) {
        text += (i == 0 ? "" : ", ") + scenario.params[i].name;
    }
    return text;
}

std::string rangeText(const ParamSpec& spec) {
    return formatParamValue(spec, spec.min) + " .. " + formatParamValue(spec, spec.max);
}

} // namespace

const ParamSpec* Scenario::findParam(const std::string& name) const {
    for (const ParamSpec& spec : params) {
        if (spec.name == name) {
            return &spec;
        }
    }
    return nullptr;
}

bool isScenarioId(std::string_view text) {
    const auto isLowerAlnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    return !text.empty() && isLowerAlnum(text.front()) && isLowerAlnum(text.back()) &&
           std::all_of(text.begin(), text.end(), [&](char c) { return isLowerAlnum(c) || c == '-'; });
}

bool parseQuantity(const std::string& text, std::int64_t& out) {
    const char* const first = text.data();
    const char* const last = first + text.size();
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(first, last, number);
    if (ec != std::errc{} || end == first) {
        return false;
    }
    const std::int64_t multiplier = multiplierFor(std::string_view(end, static_cast<std::size_t>(last - end)));
    if (multiplier == 0) {
        return false;
    }
    // A value that does not fit is "not a quantity" rather than silently wrapped.
    if (number > std::numeric_limits<std::int64_t>::max() / multiplier ||
        number < std::numeric_limits<std::int64_t>::min() / multiplier) {
        return false;
    }
    out = number * multiplier;
    return true;
}

std::string formatParamValue(const ParamSpec& spec, std::int64_t value) {
    if (spec.unit != "bytes") {
        return std::to_string(value);
    }
    if (value != 0 && value % kMiB == 0) {
        return std::to_string(value / kMiB) + " MiB";
    }
    if (value != 0 && value % kKiB == 0) {
        return std::to_string(value / kKiB) + " KiB";
    }
    return std::to_string(value) + " B";
}

ParamValues resolveParams(const Scenario& scenario, const std::map<std::string, std::string>& overrides) {
    ParamValues values;
    for (const ParamSpec& spec : scenario.params) {
        values[spec.name] = spec.defaultValue;
    }
    for (const auto& [name, text] : overrides) {
        const ParamSpec* spec = scenario.findParam(name);
        if (spec == nullptr) {
            throw Error(ErrorKind::BadParameter,
                        "scenario " + scenario.id + " has no parameter '" + name + "'; " + knownParamsText(scenario));
        }
        std::int64_t value = 0;
        if (!parseQuantity(text, value)) {
            throw Error(ErrorKind::BadParameter, "parameter '" + name + "' = \"" + text +
                                                     "\" is not a whole number (write it like 4096, 64K, 64KiB, "
                                                     "1M or 1MiB); allowed range is " +
                                                     rangeText(*spec) + " for scenario " + scenario.id);
        }
        if (value < spec->min || value > spec->max) {
            throw Error(ErrorKind::BadParameter, "parameter '" + name + "' = " + std::to_string(value) +
                                                     " is out of range " + rangeText(*spec) + " for scenario " +
                                                     scenario.id);
        }
        values[name] = value;
    }
    return values;
}

} // namespace ipclab
