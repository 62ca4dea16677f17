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

TEST(Record, MappedRegionCarriesItsFieldsAndLabel) {
    const MappedRegion sent{
        0x7f0000001000, 4096, 64, "/ipclab-1-1-counter", {{0, 4, "arrived"}, {16, 40, "mutex (pthread_mutex_t)"}}};
    const auto region = parseMapped(makeMappedRecord(sent));
    ASSERT_TRUE(region);
    EXPECT_EQ(region->start, sent.start);
    EXPECT_EQ(region->length, sent.length);
    EXPECT_EQ(region->dataOffset, sent.dataOffset);
    EXPECT_EQ(region->fields, sent.fields);
    EXPECT_EQ(region->label, sent.label);
}

TEST(Record, MappedFieldsThatDoNotFitAreLeftOutWholeAndTheRecordStillParses) {
    MappedRegion sent{1, 2, 0, "label", {}};
    for (std::uint32_t i = 0; i < 40; ++i) {
        sent.fields.push_back({i, 1, std::string(30, static_cast<char>('a' + i % 26))});
    }
    const Record record = makeMappedRecord(sent);
    EXPECT_LE(encode(record).size(), kMaxRecordSize);
    const auto region = parseMapped(record);
    ASSERT_TRUE(region);
    ASSERT_FALSE(region->fields.empty());
    ASSERT_LT(region->fields.size(), sent.fields.size());
    for (std::size_t i = 0; i < region->fields.size(); ++i) {
        EXPECT_EQ(region->fields[i], sent.fields[i]);
    }
}

TEST(Record, AMappedRecordWhoseFieldsRunPastTheEndIsRejected) {
    Record record = makeMappedRecord(MappedRegion{1, 2, 0, "", {{0, 8, "counter"}}});
    record.payload.resize(record.payload.size() - 3);
    EXPECT_FALSE(parseMapped(record));
}

} // namespace
} // namespace ipclab::protocol
