#include "nkclaims/manifest.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "nkclaims/error.hpp"
#include "nkclaims/suggest.hpp"

namespace nkclaims {
namespace {

std::string canonical_key(const std::filesystem::path& p) {
    std::error_code ec;
    auto c = std::filesystem::weakly_canonical(p, ec);
    return (ec ? p : c).string();
}

std::optional<Day> date_field(const nlohmann::json& e, const char* key, const std::string& where) {
    if (!e.contains(key) || e[key].is_null()) return std::nullopt;
    if (!e[key].is_string()) throw ConfigError(where, fmt::format("'{}' must be a string YYYY-MM-DD", key));
    const auto s = e[key].get<std::string>();
    auto d = parse_iso_day(s);
    if (!d) throw ConfigError(where, fmt::format("'{}': '{}' is not a date (YYYY-MM-DD)", key, s));
    if (!plausible_day(*d)) throw ConfigError(where, fmt::format("'{}': '{}' is not from {}", key, s, kPlausibleDays));
    return d;
}

// Every key an entry may have: a misspelt one would otherwise be ignored without a word.
void check_keys(const nlohmann::json& e, const std::string& where) {
    static const std::vector<std::string> known{"file", "published", "recorded", "outlet", "title", "kind"};
    for (const auto& [key, value] : e.items())
        if (std::find(known.begin(), known.end(), key) == known.end())
            throw ConfigError(where, fmt::format("unknown key '{}'{}", key, did_you_mean(key, known)));
}

// The file an entry names, which must lie inside the manifest's folder: a manifest describes the
// folder it is in, and "../" or an absolute path would reach files it has no business with.
std::filesystem::path entry_file(const std::filesystem::path& folder, const std::string& file,
                                 const std::string& where) {
    const auto relative = std::filesystem::path(file).lexically_normal();
    if (relative.is_absolute() || relative.has_root_name() || relative.empty() || *relative.begin() == "..")
        throw ConfigError(where, fmt::format("'file': '{}' is outside the manifest's folder", file));
    return folder / relative;
}

std::string string_field(const nlohmann::json& e, const char* key, const std::string& where) {
    if (!e.contains(key) || e[key].is_null()) return {};
    if (!e[key].is_string()) throw ConfigError(where, fmt::format("'{}' must be a string", key));
    return e[key].get<std::string>();
}

}  // namespace

Manifest Manifest::load(const std::filesystem::path& path) {
    const std::string name = path.string();
    std::ifstream in(path);
    if (!in) throw ConfigError(name, "cannot read manifest");
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& e) {
        throw ConfigError(name, fmt::format("manifest is not JSON (at byte {})", e.byte));
    }
    if (!j.is_array()) throw ConfigError(name, "manifest must be a JSON array of objects");
    Manifest m;
    const auto folder = path.parent_path();
    for (std::size_t n = 0; n < j.size(); ++n) {
        const auto& e = j[n];
        const std::string where = fmt::format("{}: entry {}", name, n + 1);
        if (!e.is_object()) throw ConfigError(where, "not a JSON object");
        check_keys(e, where);
        const std::string file = string_field(e, "file", where);
        if (file.empty()) throw ConfigError(where, "'file' is missing");
        const auto full = entry_file(folder, file, where);
        if (!std::filesystem::exists(full)) throw ConfigError(where, fmt::format("no such file: {}", full.string()));
        DocumentMeta meta;
        meta.title = string_field(e, "title", where);
        meta.outlet = string_field(e, "outlet", where);
        meta.published = date_field(e, "published", where);
        meta.recorded = date_field(e, "recorded", where);
        if (auto k = string_field(e, "kind", where); !k.empty()) {
            meta.kind = parse_doc_kind(k);
            if (!meta.kind) throw ConfigError(where, fmt::format("'kind': '{}' is not transcript or article", k));
        }
        m.entries_[canonical_key(full)] = meta;
    }
    return m;
}

Manifest Manifest::load(const std::vector<std::string>& paths) {
    Manifest all;
    for (const auto& p : paths)
        for (auto& [file, meta] : load(std::filesystem::path(p)).entries_) all.entries_[file] = std::move(meta);
    return all;
}

bool plausible_day(Day d) {
    using namespace std::chrono;
    return d >= sys_days{year{1900} / January / 1} && d <= sys_days{year{2199} / December / 31};
}

const DocumentMeta* Manifest::find(const std::filesystem::path& file) const {
    auto it = entries_.find(canonical_key(file));
    return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace nkclaims
