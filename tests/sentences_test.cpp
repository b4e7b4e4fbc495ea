// Runs every case of tests/sentences.txt: each text must yield exactly the claims listed.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "helpers.hpp"

using namespace nkclaims;

namespace {

struct Expected {
    bool stance = false;
    std::string head;  // number as written, or the stance
    std::vector<std::pair<std::string, std::string>> fields;
};

struct Case {
    int line = 0;
    std::string text;
    std::string date, outlet;
    std::vector<Expected> claims;
};

std::vector<Case> read_cases() {
    std::ifstream in(std::string(NKCLAIMS_TEST_DIR) + "/sentences.txt");
    std::vector<Case> cases;
    std::string line, date, outlet;
    for (int n = 1; std::getline(in, line); ++n) {
        if (line.empty() || line[0] == '#') continue;
        if (line.starts_with("@date "))
            date = line.substr(6);
        else if (line.starts_with("@outlet "))
            outlet = line.substr(8);
        else if (line.starts_with("> ")) {
            if (cases.empty() || !cases.back().claims.empty() || cases.back().text.empty() || cases.back().line < 0)
                cases.push_back({n, "", date, outlet, {}});
            if (!cases.back().text.empty()) cases.back().text += "\n";
            cases.back().text += line.substr(2);
        } else if (line[0] == '-') {
            cases.back().line = -cases.back().line;  // closed, no claims
        } else if (line[0] == '=' || line[0] == '!') {
            Expected e;
            e.stance = line[0] == '!';
            std::istringstream words(line.substr(2));
            std::string w, head;
            while (words >> w) {
                const auto eq = w.find('=');
                if (eq == std::string::npos)
                    head += (head.empty() ? "" : " ") + w;
                else
                    e.fields.emplace_back(w.substr(0, eq), w.substr(eq + 1));
            }
            e.head = head;
            cases.back().claims.push_back(e);
        }
    }
    for (auto& c : cases) c.line = std::abs(c.line);
    return cases;
}

std::string number_text(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : "-"; }

std::string field(const Claim& c, const std::string& key) {
    auto opt = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    if (key == "value") {
        if (c.value.low && c.value.high && *c.value.low == *c.value.high) return number_text(c.value.low);
        return number_text(c.value.low) + ".." + number_text(c.value.high);
    }
    if (key == "metric") return c.metric ? std::string(to_string(*c.metric)) : "-";
    if (key == "phase") return c.phase ? std::string(to_string(*c.phase)) : "-";
    if (key == "actor") return opt(c.actor);
    if (key == "source") return opt(c.source);
    if (key == "via") return opt(c.via);
    if (key == "location") return opt(c.location);
    if (key == "date") return c.date ? c.date->iso() : "-";
    if (key == "event") return c.event_date ? c.event_date->iso() : "-";
    if (key == "approx") return c.approx ? "true" : "false";
    if (key == "increment") return c.increment ? "true" : "false";
    return "unknown key " + key;
}

}  // namespace

TEST_CASE("every sentence of tests/sentences.txt yields exactly its claims", "[sentences]") {
    const auto cases = read_cases();
    REQUIRE(cases.size() >= 150);
    for (const Case& c : cases) {
        INFO(fmt::format("sentences.txt:{}: {}", c.line, c.text));
        const auto claims = test::extract(c.text, c.date, c.outlet);
        std::string got;
        for (const Claim& cl : claims) got += fmt::format("[{} {}] ", cl.as_written, field(cl, "value"));
        INFO("got " << claims.size() << " claims: " << got);
        CHECK(claims.size() == c.claims.size());
        if (claims.size() != c.claims.size()) continue;
        for (std::size_t i = 0; i < claims.size(); ++i) {
            const Claim& cl = claims[i];
            const Expected& e = c.claims[i];
            CHECK((cl.kind == ClaimKind::Stance) == e.stance);
            if (e.stance)
                CHECK(std::string(cl.stance ? to_string(*cl.stance) : "-") == e.head);
            else
                CHECK(cl.as_written == e.head);
            for (const auto& [key, want] : e.fields) {
                INFO("field " << key);
                CHECK(field(cl, key) == want);
            }
        }
    }
}
