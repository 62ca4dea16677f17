#include "protocol/record.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace ipclab::protocol {

namespace {

void putLe(std::vector<std::uint8_t>& out, std::uint64_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) {
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

std::uint64_t getLe(const std::uint8_t* in, int bytes) {
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i) {
        value |= static_cast<std::uint64_t>(in[i]) << (8 * i);
    }
    return value;
}

} // namespace

std::vector<std::uint8_t> encode(const Record& record) {
    std::vector<std::uint8_t> out;
    out.reserve(kHeaderSize + record.payload.size());
    putLe(out, kMagic, 4);
    putLe(out, kVersion, 2);
    putLe(out, static_cast<std::uint16_t>(record.type), 2);
    putLe(out, record.payload.size(), 4);
    out.insert(out.end(), record.payload.begin(), record.payload.end());
    return out;
}

void RecordDecoder::feed(const std::uint8_t* data, std::size_t size) {
    m_buffer.insert(m_buffer.end(), data, data + size);
}

std::optional<Record> RecordDecoder::take() {
    if (m_corrupt || m_buffer.size() < kHeaderSize) {
        return std::nullopt;
    }
    const std::uint8_t* p = m_buffer.data();
    const auto length = static_cast<std::size_t>(getLe(p + 8, 4));
    if (getLe(p, 4) != kMagic || getLe(p + 4, 2) != kVersion || kHeaderSize + length > kMaxRecordSize) {
        m_corrupt = true;
        return std::nullopt;
    }
    if (m_buffer.size() < kHeaderSize + length) {
        return std::nullopt;
    }
    Record record;
    record.type = static_cast<RecordType>(getLe(p + 6, 2));
    record.payload.assign(p + kHeaderSize, p + kHeaderSize + length);
    m_buffer.erase(m_buffer.begin(), m_buffer.begin() + static_cast<std::ptrdiff_t>(kHeaderSize + length));
    return record;
}

Record makePhaseRecord(Phase phase, std::int64_t timeNs) {
    Record record{RecordType::Phase, {}};
    record.payload.push_back(static_cast<std::uint8_t>(phase));
    putLe(record.payload, static_cast<std::uint64_t>(timeNs), 8);
    return record;
}

Record makeReportRecord(bool ok, const std::string& text) {
    const std::size_t length = std::min(kMaxRecordSize - kHeaderSize - 1, text.size());
    Record record{RecordType::Report, std::vector<std::uint8_t>(1 + length)};
    record.payload[0] = ok ? 1 : 0;
    std::memcpy(record.payload.data() + 1, text.data(), length);
    return record;
}

bool announceReadyAndWaitForGo() {
    const auto ready = encode(Record{RecordType::Ready, {}});
    if (::write(kControlFd, ready.data(), ready.size()) != static_cast<ssize_t>(ready.size())) {
        return false;
    }
    RecordDecoder decoder;
    std::uint8_t buffer[64];
    for (;;) {
        const ssize_t n = ::read(kControlFd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return false;
        }
        decoder.feed(buffer, static_cast<std::size_t>(n));
        while (auto record = decoder.take()) {
            if (record->type == RecordType::Go) {
                return true;
            }
        }
        if (decoder.corrupt()) {
            return false;
        }
    }
}

Record makeMappedRecord(const MappedRegion& region) {
    Record record{RecordType::Mapped, {}};
    putLe(record.payload, region.start, 8);
    putLe(record.payload, region.length, 8);
    putLe(record.payload, region.dataOffset, 8);
    std::vector<std::uint8_t> fields;
    std::uint8_t count = 0;
    for (const RegionField& field : region.fields) {
        const std::size_t nameLength = std::min<std::size_t>(255, field.name.size());
        if (count == 255 || kHeaderSize + 25 + fields.size() + 9 + nameLength > kMaxRecordSize) {
            break;
        }
        putLe(fields, field.offset, 4);
        putLe(fields, field.length, 4);
        fields.push_back(static_cast<std::uint8_t>(nameLength));
        fields.insert(fields.end(), field.name.begin(), field.name.begin() + static_cast<std::ptrdiff_t>(nameLength));
        ++count;
    }
    record.payload.push_back(count);
    record.payload.insert(record.payload.end(), fields.begin(), fields.end());
    const std::size_t room = kMaxRecordSize - kHeaderSize - record.payload.size();
    record.payload.insert(record.payload.end(), region.label.begin(),
                          region.label.begin() + static_cast<std::ptrdiff_t>(std::min(room, region.label.size())));
    return record;
}

std::optional<MappedRegion> parseMapped(const Record& record) {
    const std::vector<std::uint8_t>& payload = record.payload;
    if (record.type != RecordType::Mapped || payload.size() < 25) {
        return std::nullopt;
    }
    const std::uint8_t* p = payload.data();
    MappedRegion region{getLe(p, 8), getLe(p + 8, 8), getLe(p + 16, 8), {}, {}};
    std::size_t at = 25;
    for (std::uint8_t i = 0; i < p[24]; ++i) {
        if (at + 9 > payload.size() || at + 9 + p[at + 8] > payload.size()) {
            return std::nullopt;
        }
        const std::size_t nameLength = p[at + 8];
        region.fields.push_back(RegionField{static_cast<std::uint32_t>(getLe(p + at, 4)),
                                            static_cast<std::uint32_t>(getLe(p + at + 4, 4)),
                                            std::string(p + at + 9, p + at + 9 + nameLength)});
        at += 9 + nameLength;
    }
    region.label.assign(p + at, p + payload.size());
    return region;
}

Record makeSyncRecord(const SyncStep& step) {
    Record record{RecordType::Sync, {}};
    record.payload.push_back(step.kind);
    putLe(record.payload, static_cast<std::uint64_t>(step.timeNs), 8);
    putLe(record.payload, static_cast<std::uint64_t>(step.value), 8);
    const std::size_t length = std::min(kMaxRecordSize - kHeaderSize - 17, step.object.size());
    record.payload.resize(17 + length);
    std::memcpy(record.payload.data() + 17, step.object.data(), length);
    return record;
}

std::optional<SyncStep> parseSync(const Record& record) {
    if (record.type != RecordType::Sync || record.payload.size() < 17) {
        return std::nullopt;
    }
    const std::uint8_t* p = record.payload.data();
    return SyncStep{p[0], static_cast<std::int64_t>(getLe(p + 1, 8)), static_cast<std::int64_t>(getLe(p + 9, 8)),
                    std::string(record.payload.begin() + 17, record.payload.end())};
}

std::optional<PhaseMark> parsePhase(const Record& record) {
    if (record.type != RecordType::Phase || record.payload.size() != 9 || record.payload[0] > 3) {
        return std::nullopt;
    }
    return PhaseMark{static_cast<Phase>(record.payload[0]),
                     static_cast<std::int64_t>(getLe(record.payload.data() + 1, 8))};
}

std::optional<WorkReport> parseReport(const Record& record) {
    if (record.type != RecordType::Report || record.payload.empty()) {
        return std::nullopt;
    }
    return WorkReport{record.payload[0] != 0, std::string(record.payload.begin() + 1, record.payload.end())};
}

} // namespace ipclab::protocol
