// ipclab-layer-check RULES ROOT: checks every #include of the C++ files under ROOT against the
// floors in RULES (tools/layers.txt). Prints one line per include that points the wrong way, as
// FILE:LINE so that editors jump to it, and exits 1 if there is any; 2 when RULES is unusable.

#include "layer_rules.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool isSource(const fs::path& path) {
    const std::string ext = path.extension().string();
    return ext == ".h" || ext == ".hpp" || ext == ".cpp" || ext == ".cc";
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: ipclab-layer-check RULES SOURCE_ROOT\n";
        return 2;
    }
    const fs::path rulesPath = argv[1];
    const fs::path root = argv[2];
    ipclab::layers::LayerRules rules;
    try {
        rules = ipclab::layers::LayerRules::parse(slurp(rulesPath));
    } catch (const std::exception& e) {
        std::cerr << rulesPath.string() << ": " << e.what() << "\n";
        return 2;
    }
    int files = 0;
    int broken = 0;
    for (const std::string& top : rules.roots()) {
        if (!fs::is_directory(root / top)) {
            std::cerr << rulesPath.string() << ": include root " << (root / top).string() << " is not a folder\n";
            return 2;
        }
        for (const auto& entry : fs::recursive_directory_iterator(root / top)) {
            if (!entry.is_regular_file() || !isSource(entry.path())) {
                continue;
            }
            ++files;
            const std::string relative = fs::relative(entry.path(), root).generic_string();
            for (const auto& v : ipclab::layers::checkFile(rules, relative, slurp(entry.path()))) {
                std::cerr << (root / v.file).string() << ":" << v.line << ": " << v.from << " may not include \""
                          << v.included << "\" (" << v.to << "); see " << rulesPath.string() << "\n";
                ++broken;
            }
        }
    }
    if (files == 0) {
        std::cerr << "ipclab-layer-check: no source files under " << root.string() << "\n";
        return 2;
    }
    if (broken > 0) {
        std::cerr << "ipclab-layer-check: " << broken << " include(s) point against the arrows\n";
        return 1;
    }
    return 0;
}
