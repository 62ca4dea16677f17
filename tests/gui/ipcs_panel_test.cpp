#include "gui/ipcs/ipc_table_model.h"
#include "gui/ipcs/ipcs_panel.h"
#include "ipcs/ipc_remover.h"
#include "test_events.h"

#include <QAbstractItemModelTester>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <algorithm>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <string>
#include <sys/mman.h>
#include <sys/shm.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ipclab {
namespace {

std::optional<IpcObject> listedSegment(int id) {
    for (const IpcObject& object : readIpcObjects()) {
        if (object.kind == IpcObject::Kind::SysvShm && object.id == id) {
            return object;
        }
    }
    return std::nullopt;
}

/// A System V segment this test made; removed at the end if the test did not remove it.
class Segment {
public:
    Segment() : m_id(::shmget(IPC_PRIVATE, 4096, IPC_CREAT | 0600)) {}
    ~Segment() {
        if (m_id >= 0 && listedSegment(m_id)) {
            ::shmctl(m_id, IPC_RMID, nullptr);
        }
    }
    Segment(const Segment&) = delete;
    Segment& operator=(const Segment&) = delete;
    int id() const { return m_id; }

private:
    int m_id;
};

IpcObject object(IpcObject::Kind kind, const std::string& key, int id, std::uint64_t size) {
    IpcObject result;
    result.kind = kind;
    result.key = key;
    result.id = id;
    result.owner = "root";
    result.mode = 0600;
    result.size = size;
    return result;
}

TEST(IpcTableModel, PassesTheModelTesterAndKeepsRowsWhenOnlyFiguresChange) {
    test::WarningCollector warnings;
    IpcTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning);
    std::vector<IpcObject> objects{object(IpcObject::Kind::SysvShm, "0x1b0a0b0c", 7, 16384),
                                   object(IpcObject::Kind::SysvMsg, "0x00000000", 3, 120),
                                   object(IpcObject::Kind::PosixShm, "/ipclab-1-shm", -1, 8192)};
    model.setObjects(objects);
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.columnCount(), IpcTableModel::ColumnCount);
    EXPECT_EQ(model.index(0, IpcTableModel::KeyColumn).data().toString(), "0x1b0a0b0c");
    EXPECT_EQ(model.index(0, IpcTableModel::ModeColumn).data().toString(), "0600");
    EXPECT_EQ(model.index(0, IpcTableModel::SizeColumn).data().toString(), "16,384 B");
    EXPECT_EQ(model.index(2, IpcTableModel::IdColumn).data().toString(), "—");
    EXPECT_EQ(model.index(2, IpcTableModel::KindColumn).data().toString(), "shared memory (POSIX)");

    int resets = 0;
    QObject::connect(&model, &QAbstractItemModel::modelReset, [&] { ++resets; });
    objects[0].count = 2;
    model.setObjects(objects);
    EXPECT_EQ(resets, 0) << "a changed figure must not reset the table";
    EXPECT_EQ(model.index(0, IpcTableModel::CountColumn).data().toString(), "2 attached");
    objects.pop_back();
    model.setObjects(objects);
    EXPECT_EQ(resets, 1);
    EXPECT_EQ(model.rowOf(objects[1]), 1);
    EXPECT_TRUE(warnings.warnings().empty()) << warnings.warnings().front();
}

TEST(IpcsPanel, ListsARealSegmentAndRemovesItAfterConfirmation) {
    Segment segment;
    ASSERT_GE(segment.id(), 0) << "shmget failed";
    IpcsPanel panel;
    panel.refresh();
    const std::optional<IpcObject> listed = listedSegment(segment.id());
    ASSERT_TRUE(listed);
    ASSERT_TRUE(panel.selectObject(*listed)) << "the panel must list the new segment";

    panel.removeSelected();
    QMessageBox* confirmation = panel.pendingConfirmation();
    ASSERT_NE(confirmation, nullptr) << "removal must be confirmed first";
    EXPECT_TRUE(confirmation->text().contains(QStringLiteral("id %1").arg(segment.id())));
    EXPECT_TRUE(confirmation->text().contains("owned by"));
    EXPECT_TRUE(listedSegment(segment.id())) << "nothing is removed before the answer";
    confirmation->button(QMessageBox::Yes)->click();

    EXPECT_EQ(panel.pendingConfirmation(), nullptr);
    EXPECT_FALSE(listedSegment(segment.id())) << "the segment is still in /proc/sysvipc/shm";
    EXPECT_TRUE(panel.lastOutcome().startsWith("Removed")) << panel.lastOutcome().toStdString();
    EXPECT_FALSE(panel.model()->rowOf(*listed)) << "the table must refresh after a removal";
}

TEST(IpcsPanel, CancelKeepsTheObject) {
    Segment segment;
    ASSERT_GE(segment.id(), 0);
    IpcsPanel panel;
    ASSERT_TRUE(panel.selectObject(*listedSegment(segment.id())));
    panel.removeSelected();
    ASSERT_NE(panel.pendingConfirmation(), nullptr);
    panel.pendingConfirmation()->button(QMessageBox::Cancel)->click();
    EXPECT_TRUE(listedSegment(segment.id()));
    EXPECT_TRUE(panel.lastOutcome().startsWith("Kept"));
}

TEST(IpcsPanel, RefusesAnObjectTheUserDoesNotOwnWithoutAsking) {
    Segment segment;
    ASSERT_GE(segment.id(), 0);
    IpcsPanel panel;
    ASSERT_TRUE(panel.selectObject(*listedSegment(segment.id())));
    const unsigned owner = listedSegment(segment.id())->uid;
    panel.setUser(owner + 12345); // someone else
    panel.removeSelected();
    EXPECT_EQ(panel.pendingConfirmation(), nullptr);
    EXPECT_TRUE(panel.lastOutcome().startsWith("Refused")) << panel.lastOutcome().toStdString();
    EXPECT_TRUE(panel.lastOutcome().contains(QStringLiteral("uid %1").arg(owner)));
    EXPECT_TRUE(listedSegment(segment.id()));
}

TEST(IpcRemover, TheKernelsEpermIsReportedInWords) {
    if (::geteuid() != 0) {
        GTEST_SKIP() << "needs root to create a segment another user cannot remove";
    }
    Segment segment;
    ASSERT_GE(segment.id(), 0);
    const IpcObject listed = *listedSegment(segment.id());
    int channel[2];
    ASSERT_EQ(::pipe(channel), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(channel[0]);
        if (::setuid(65534) != 0) {
            ::_exit(3);
        }
        const RemovalResult result = removeIpcObject(listed);
        const ssize_t written = ::write(channel[1], result.message.data(), result.message.size());
        ::_exit(result.ok || written < 0 ? 1 : 0);
    }
    ::close(channel[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n = 0; (n = ::read(channel[0], buffer, sizeof buffer)) > 0;) {
        message.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(channel[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0) << "nobody must not be able to remove root's segment";
    EXPECT_NE(message.find("Operation not permitted"), std::string::npos) << message;
    EXPECT_NE(message.find("EPERM"), std::string::npos) << message;
    EXPECT_NE(message.find("id " + std::to_string(segment.id())), std::string::npos) << message;
    EXPECT_TRUE(listedSegment(segment.id()));
}

TEST(IpcRemover, RemovesAPosixObjectAndRefusesOthersObjects) {
    const std::string name = "/ipclab-test-remove-" + std::to_string(::getpid());
    const int fd = ::shm_open(name.c_str(), O_CREAT | O_EXCL | O_RDWR, 0600);
    ASSERT_GE(fd, 0);
    ::close(fd);
    IpcObject posix = object(IpcObject::Kind::PosixShm, name, -1, 0);
    const RemovalResult removed = removeIpcObject(posix);
    EXPECT_TRUE(removed.ok) << removed.message;
    EXPECT_NE(::access(("/dev/shm" + name).c_str(), F_OK), 0) << "still in /dev/shm";
    const RemovalResult again = removeIpcObject(posix);
    EXPECT_FALSE(again.ok);
    EXPECT_NE(again.message.find("No such file"), std::string::npos) << again.message;

    posix.uid = 0;
    EXPECT_FALSE(removalRefusal(posix, 0));
    EXPECT_FALSE(removalRefusal(posix, 1000) == std::nullopt);
    posix.uid = 1000;
    EXPECT_FALSE(removalRefusal(posix, 1000));
}

} // namespace
} // namespace ipclab
