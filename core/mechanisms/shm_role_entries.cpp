#include "mechanisms/shm_role_entries.h"

#include "mechanisms/shm_makers.h"
#include "mechanisms/shm_roles.h"

namespace ipclab {

int sysvShmWriter(const WorkerContext& context) {
    return runSharedWriter(context, sysvShmMaker());
}
int sysvShmReader(const WorkerContext& context) {
    return runSharedReader(context, sysvShmMaker());
}
int sysvShmPersistentWriter(const WorkerContext& context) {
    return runPersistentWriter(context, sysvShmMaker());
}
int sysvShmLateReader(const WorkerContext& context) {
    return runLateReader(context, sysvShmMaker());
}
int posixShmWriter(const WorkerContext& context) {
    return runSharedWriter(context, posixShmMaker());
}
int posixShmReader(const WorkerContext& context) {
    return runSharedReader(context, posixShmMaker());
}
int mappedFileWriter(const WorkerContext& context) {
    return runSharedWriter(context, mappedFileMaker());
}
int mappedFileReader(const WorkerContext& context) {
    return runSharedReader(context, mappedFileMaker());
}

} // namespace ipclab
