#include "protocol/record.h"

#include <gtest/gtest.h>

namespace ipclab::protocol {
namespace {

TEST(Record, PhaseAndReportSurviveTheWireEvenFedByteByByte) {
    auto bytes = encode(makePhaseRecord(Phase::Transfer, 123456789));
    const auto report = encode(makeReportRecord(true, "3 of 3 verified"));
    bytes.insert(bytes.end(), report.begin(), report.end());
    RecordDecoder decoder;
    std::vector<Record> records;
    for (std::uint8_t byte : bytes) {
        decoder.feed(&byte, 1);
        while (auto record = decoder.take()) {
            records.push_back(*record);
        }
    }
    ASSERT_EQ(records.size(), 2u);
    const auto mark = parsePhase(records[0]);
    ASSERT_TRUE(mark);
    EXPECT_EQ(mark->phase, Phase::Transfer);
    EXPECT_EQ(mark->timeNs, 123456789);
    const auto work = parseReport(records[1]);
    ASSERT_TRUE(work);
    EXPECT_TRUE(work->ok);
    EXPECT_EQ(work->text, "3 of 3 verified");
    EXPECT_FALSE(parsePhase(records[1]));
}

TEST(Record, ForeignBytesAreRejectedNotMisread) {
    RecordDecoder decoder;
    const std::string junk = "hello, this is not a record";
    decoder.feed(reinterpret_cast<const std::uint8_t*>(junk.data()), junk.size());
    EXPECT_FALSE(decoder.take());
    EXPECT_TRUE(decoder.corrupt());
}

TEST(Record, EveryRecordFitsOneAtomicPipeWrite) {
    const auto report = encode(makeReportRecord(false, std::string(10000, 'x')));
    EXPECT_LE(report.size(), kMaxRecordSize);
    EXPECT_LE(kMaxRecordSize, 4096u) << "PIPE_BUF";
}

} // namespace
} // namespace ipclab::protocol
