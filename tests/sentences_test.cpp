// Runs every case of tests/sentences.txt and of every tests/sentences/*.txt (sorted): each text
// must yield exactly the claims listed. A case after an `@gap` line is a known gap: it must NOT
// pass yet, so the extractor that closes it also removes the marker, and the gaps stay counted.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "helpers.hpp"
#include "nkclaims/claim_json.hpp"

using namespace nkclaims;

namespace {

struct Expected {
    bool stance = false;
    std::string head;  // number as written, or the stance
    std::vector<std::pair<std::string, std::string>> fields;
};

struct Case {
    std::string where;  // file:line of its first text line
    bool gap = false;
    bool closed = false;  // a `-` line: no claims
    std::string text;
    std::string date, outlet;
    std::vector<Expected> claims;
};

Expected read_expected(const std::string& line) {
    Expected e;
    e.stance = line[0] == '!';
    std::istringstream words(line.substr(1));
    std::string w;
    while (words >> w) {
        const auto eq = w.find('=');
        if (eq == std::string::npos)
            e.head += (e.head.empty() ? "" : " ") + w;
        else
            e.fields.emplace_back(w.substr(0, eq), w.substr(eq + 1));
    }
    return e;
}

// The cases of one file; its @date and @outlet start empty. `name` is how failures cite it.
void read_cases(const std::filesystem::path& path, const std::string& name, std::vector<Case>& cases) {
    std::ifstream in(path);
    REQUIRE(in.good());
    std::string line, date, outlet;
    bool gap = false;
    bool open = false;  // the last case of this file still takes text lines
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        const std::string where = fmt::format("{}:{}", name, n);
        if (line.starts_with("@date "))
            date = line.substr(6);
        else if (line.starts_with("@outlet "))
            outlet = line.substr(8);
        else if (line == "@gap")
            gap = true;
        else if (line.starts_with("> ")) {
            if (!open) {
                cases.push_back({where, gap, false, "", date, outlet, {}});
                gap = false;
                open = true;
            } else {
                cases.back().text += "\n";
            }
            cases.back().text += line.substr(2);
        } else if (line[0] == '-' || line[0] == '=' || line[0] == '!') {
            INFO(where << ": a claim line needs a case's text above it");
            REQUIRE((!cases.empty() && cases.back().where.starts_with(name + ":") && !cases.back().closed));
            open = false;
            if (line[0] == '-')
                cases.back().closed = true;
            else
                cases.back().claims.push_back(read_expected(line));
        } else {
            FAIL(where << ": unknown line: " << line);
        }
    }
    INFO(name << ": an @gap with no case after it");
    REQUIRE_FALSE(gap);
}

std::string number_text(const nlohmann::json& v) { return v.is_null() ? "-" : fmt::format("{}", v.get<double>()); }

// The field `key` of a claim's JSON form (CONTRACT.md), as the cases write it: a missing or null
// field is "-", or "false" when the case expects a flag, so fields the model adds later need
// nothing here.
std::string field(const nlohmann::json& j, const std::string& key, const std::string& want) {
    if (key == "value" && j.contains("value")) {
        const auto& v = j["value"];
        if (!v["low"].is_null() && v["low"] == v["high"]) return number_text(v["low"]);
        return number_text(v["low"]) + ".." + number_text(v["high"]);
    }
    const std::string name = key == "event" ? "event_date" : key;
    const bool flag = want == "true" || want == "false";
    if (!j.contains(name) || j[name].is_null()) return flag ? "false" : "-";
    const auto& f = j[name];
    if (f.is_boolean()) return f.get<bool>() ? "true" : "false";
    if (f.is_string()) return f.get<std::string>();
    return f.dump();
}

// What the extractor gives for a case against what the case wants: empty when they agree.
std::string mismatches(const Case& c, const std::vector<Claim>& claims) {
    std::string out;
    if (claims.size() != c.claims.size())
        return fmt::format("  wants {} claims, got {}\n", c.claims.size(), claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
        const auto j = to_json(claims[i]);
        const Expected& e = c.claims[i];
        const bool stance = claims[i].kind == ClaimKind::Stance;
        if (stance != e.stance) {
            out += fmt::format("  claim {}: wants a {}\n", i + 1, e.stance ? "stance" : "figure");
            continue;
        }
        const std::string head = stance ? field(j, "stance", "") : field(j, "text", "");
        if (head != e.head) out += fmt::format("  claim {}: wants {}, got {}\n", i + 1, e.head, head);
        for (const auto& [key, want] : e.fields)
            if (const auto got = field(j, key, want); got != want)
                out += fmt::format("  claim {} {}: wants {}, got {}\n", i + 1, key, want, got);
    }
    return out;
}

std::string summary(const std::vector<Claim>& claims) {
    std::string got;
    for (const Claim& cl : claims) {
        const auto j = to_json(cl);
        got += fmt::format("[{} {}] ", cl.kind == ClaimKind::Stance ? field(j, "stance", "") : cl.as_written,
                           cl.kind == ClaimKind::Stance ? field(j, "source", "") : field(j, "value", ""));
    }
    return got;
}

std::vector<std::filesystem::path> case_files() {
    std::vector<std::filesystem::path> files;
    const auto dir = std::filesystem::path(NKCLAIMS_TEST_DIR) / "sentences";
    if (std::filesystem::is_directory(dir))
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            if (entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST_CASE("every sentence case yields exactly its claims; known gaps do not yet", "[sentences]") {
    std::vector<Case> cases;
    read_cases(std::filesystem::path(NKCLAIMS_TEST_DIR) / "sentences.txt", "sentences.txt", cases);
    REQUIRE(cases.size() >= 150);
    for (const auto& file : case_files()) read_cases(file, "sentences/" + file.filename().string(), cases);

    std::map<std::string, std::size_t> gaps;  // by file
    for (const Case& c : cases) {
        const auto claims = test::extract(c.text, c.date, c.outlet);
        const std::string wrong = mismatches(c, claims);
        INFO(c.where << ": " << c.text << "\n  got " << claims.size() << " claims: " << summary(claims));
        if (c.gap) {
            ++gaps[c.where.substr(0, c.where.rfind(':'))];
            if (wrong.empty()) FAIL_CHECK(c.where << ": a known gap now passes: remove its @gap");
        } else if (!wrong.empty()) {
            FAIL_CHECK(c.where << ": wrong claims\n" << wrong);
        }
    }
    std::size_t total = 0;
    std::string by_file;
    for (const auto& [file, n] : gaps) {
        total += n;
        by_file += fmt::format(" {} {}", file, n);
    }
    fmt::print(stderr, "sentences: {} cases, {} of them known gaps (@gap):{}\n", cases.size(), total, by_file);
}
