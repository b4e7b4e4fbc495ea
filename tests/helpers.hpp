// Shared helpers for the tests: the real data files, documents from text, temporary folders,
// and running the real binary.
#pragma once

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "nkclaims/document.hpp"
#include "nkclaims/extractor.hpp"
#include "nkclaims/gazetteer.hpp"

namespace nkclaims::test {

// The project's own data/ files, loaded once.
inline const Gazetteer& gazetteer() {
    static const Gazetteer g = Gazetteer::load(NKCLAIMS_TEST_DATA);
    return g;
}

// A document from text, with a reference date and an outlet as a manifest would give them.
inline Document doc(const std::string& text, const std::string& date = "2025-07-02",
                    const std::string& outlet = "cnn") {
    Document d = parse_document("test.txt", text, gazetteer());
    if (!date.empty()) d.meta.published = parse_iso_day(date);
    if (!outlet.empty()) d.meta.outlet = outlet;
    return d;
}

inline std::vector<Claim> extract(const std::string& text, const std::string& date = "2025-07-02",
                                  const std::string& outlet = "cnn") {
    return Extractor(gazetteer()).extract(doc(text, date, outlet));
}

inline std::vector<Claim> figures(const std::vector<Claim>& all) {
    std::vector<Claim> out;
    for (const Claim& c : all)
        if (c.kind == ClaimKind::Figure) out.push_back(c);
    return out;
}

// The one figure `text` must yield (a test fails if there is not exactly one).
inline Claim only_figure(const std::string& text) {
    const auto found = figures(extract(text));
    REQUIRE(found.size() == 1);
    return found.front();
}

// A fresh folder under the system's temporary directory, removed at the end of the test.
class TempDir {
public:
    TempDir() {
        std::random_device rd;
        path_ =
            std::filesystem::temp_directory_path() / ("nkclaims-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path write(const std::string& name, const std::string& content) const {
        const auto p = path_ / name;
        std::filesystem::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }

private:
    std::filesystem::path path_;
};

struct RunResult {
    int status;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs a shell command line; stdout and stderr are captured apart (so the command must not
// redirect them itself), and stdin is empty.
inline RunResult run(const std::string& command) {
    TempDir tmp;
    const auto out = tmp.path() / "out", err = tmp.path() / "err";
    const std::string line = command + " >'" + out.string() + "' 2>'" + err.string() + "' </dev/null";
    const int raw = std::system(line.c_str());
    const int status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return {status, slurp(out), slurp(err)};
}

// The real binary, with the project's data files.
inline std::string binary() {
    return std::string("NO_COLOR=1 NKCLAIMS_DATA='") + NKCLAIMS_TEST_DATA + "' '" + NKCLAIMS_BIN + "'";
}

inline bool have_shared() {
    return std::filesystem::exists(std::filesystem::path(NKCLAIMS_SHARED) / "corpus" / "seeds");
}

}  // namespace nkclaims::test
