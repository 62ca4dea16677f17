#include "common/error.h"
#include "scenario/scenario.h"

#include <gtest/gtest.h>

#include <string>

namespace ipclab {
namespace {

Scenario twoParamScenario() {
    Scenario scenario;
    scenario.id = "demo";
    scenario.params.push_back({"size", "Message size", "bytes", "", 4096, 1, 1048576});
    scenario.params.push_back({"round_trips", "Round trips", "count", "", 3, 1, 1000});
    return scenario;
}

/// The BadParameter message resolveParams gives for one override; fails when it is accepted.
std::string errorFor(const std::string& name, const std::string& value) {
    try {
        resolveParams(twoParamScenario(), {{name, value}});
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::BadParameter);
        return error.what();
    }
    ADD_FAILURE() << name << "=" << value << " was accepted";
    return {};
}

TEST(ParseQuantity, AcceptsPlainNumbersAndBinarySuffixes) {
    const std::pair<const char*, std::int64_t> cases[] = {
        {"0", 0}, {"4096", 4096}, {"64K", 65536}, {"64KiB", 65536}, {"1M", 1048576}, {"1MiB", 1048576}, {"-3", -3}};
    for (const auto& [text, expected] : cases) {
        std::int64_t value = -1;
        EXPECT_TRUE(parseQuantity(text, value)) << text;
        EXPECT_EQ(value, expected) << text;
    }
}

TEST(ParseQuantity, RejectsEverythingElse) {
    for (const char* text : {"", "K", " 4096", "4096 ", "4x", "1.5M", "1G", "64k", "0x10", "+5", "99999999999999999999",
                             "9223372036854775807M"}) {
        std::int64_t value = 42;
        EXPECT_FALSE(parseQuantity(text, value)) << text;
        EXPECT_EQ(value, 42) << "a rejected text must leave the output alone: " << text;
    }
}

TEST(FormatParamValue, UsesTheLargestExactBinaryUnit) {
    const ParamSpec bytes{"size", "", "bytes", "", 0, 0, 0};
    const ParamSpec count{"n", "", "count", "", 0, 0, 0};
    EXPECT_EQ(formatParamValue(bytes, 1), "1 B");
    EXPECT_EQ(formatParamValue(bytes, 0), "0 B");
    EXPECT_EQ(formatParamValue(bytes, 4096), "4 KiB");
    EXPECT_EQ(formatParamValue(bytes, 1048576), "1 MiB");
    EXPECT_EQ(formatParamValue(bytes, 1500), "1500 B");
    EXPECT_EQ(formatParamValue(count, 4096), "4096");
}

TEST(ResolveParams, StartsFromDefaults) {
    const ParamValues values = resolveParams(twoParamScenario(), {});
    EXPECT_EQ(values, (ParamValues{{"size", 4096}, {"round_trips", 3}}));
}

TEST(ResolveParams, AppliesOverridesWithSuffixes) {
    const ParamValues values = resolveParams(twoParamScenario(), {{"size", "64KiB"}, {"round_trips", "10"}});
    EXPECT_EQ(values.at("size"), 65536);
    EXPECT_EQ(values.at("round_trips"), 10);
    EXPECT_EQ(resolveParams(twoParamScenario(), {{"size", "1M"}}).at("size"), 1048576);
}

TEST(ResolveParams, UnknownNameListsTheKnownOnes) {
    const std::string message = errorFor("nope", "1");
    EXPECT_NE(message.find("'nope'"), std::string::npos) << message;
    EXPECT_NE(message.find("demo"), std::string::npos) << message;
    EXPECT_NE(message.find("size, round_trips"), std::string::npos) << message;
}

TEST(ResolveParams, OutOfRangeNamesValueAndRange) {
    EXPECT_EQ(errorFor("size", "2M"), "parameter 'size' = 2097152 is out of range 1 B .. 1 MiB for scenario demo");
    EXPECT_EQ(errorFor("size", "0"), "parameter 'size' = 0 is out of range 1 B .. 1 MiB for scenario demo");
    EXPECT_EQ(errorFor("round_trips", "1001"),
              "parameter 'round_trips' = 1001 is out of range 1 .. 1000 for scenario demo");
}

TEST(ResolveParams, NotANumberNamesTheText) {
    const std::string message = errorFor("size", "ten");
    EXPECT_NE(message.find("parameter 'size' = \"ten\""), std::string::npos) << message;
    EXPECT_NE(message.find("1 B .. 1 MiB"), std::string::npos) << message;
}

} // namespace
} // namespace ipclab
