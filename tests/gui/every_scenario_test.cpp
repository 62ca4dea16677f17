// Every shipped scenario runs in the real window, at full speed, and succeeds.
#include "gui/bridge/session_controller.h"
#include "gui/lab/run_controls.h"
#include "gui/lab/scenario_list.h"
#include "gui/shell/main_window.h"
#include "scenario/scenario_catalog.h"

#include <QPushButton>
#include <QTest>
#include <algorithm>
#include <gtest/gtest.h>

namespace ipclab {
namespace {

std::vector<std::string> shippedScenarioIds() {
    ScenarioCatalog catalog;
    catalog.addDirectory(IPCLAB_TEST_SCENARIO_DIR);
    std::vector<std::string> ids;
    for (const auto& scenario : catalog.scenarios()) {
        ids.push_back(scenario.id);
    }
    return ids;
}

class EveryScenario : public ::testing::TestWithParam<std::string> {};

TEST_P(EveryScenario, RunsToSuccessInTheWindow) {
    MainWindow window({IPCLAB_TEST_WORKER, IPCLAB_TEST_SCENARIO_DIR});
    window.show();
    ASSERT_TRUE(window.scenarioList()->selectScenario(QString::fromStdString(GetParam())));
    window.controls()->setMode(PaceMode::Free);
    window.controls()->runButton()->click();
    ASSERT_TRUE(window.session()->isRunning()) << "the run did not start";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.session()->isRunning(); }, 120000));
    ASSERT_TRUE(window.lastResult().has_value()) << "the run failed to start or was refused";
    EXPECT_TRUE(window.lastResult()->succeeded) << window.lastResult()->failure;
    EXPECT_FALSE(window.lastResult()->processes.empty());
}

INSTANTIATE_TEST_SUITE_P(Shipped, EveryScenario, ::testing::ValuesIn(shippedScenarioIds()), [](const auto& param) {
    std::string name = param.param;
    std::replace(name.begin(), name.end(), '-', '_');
    return name;
});

} // namespace
} // namespace ipclab
