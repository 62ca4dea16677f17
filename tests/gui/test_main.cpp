#include <QApplication>
#include <gtest/gtest.h>

// One QApplication for every test; offscreen unless the caller chose a platform, so that test
// discovery at build time works without a display too.
int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
