// A manifest says what files do not say about themselves (CONTRACT.md): a JSON array of
// {"file", "published", "recorded", "outlet", "title", "kind"}, paths relative to the manifest.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "nkclaims/document.hpp"

namespace nkclaims {

class Manifest {
public:
    // Reads and validates a manifest. Throws ConfigError naming the manifest: not JSON, not an
    // array, an entry without "file", a file outside the manifest's folder or that does not
    // exist, a key it does not know (with the known key it is closest to), a date that is not a
    // day or not a plausible_day().
    static Manifest load(const std::filesystem::path& path);
    // Several manifests as one; for a file two of them name, the later one's entry wins.
    static Manifest load(const std::vector<std::string>& paths);

    // What the manifest says about `file`, or nullptr.
    const DocumentMeta* find(const std::filesystem::path& file) const;

private:
    std::map<std::string, DocumentMeta> entries_;  // by canonical path
};

// Whether `d` can be a document's date: from 1900-01-01 to 2199-12-31. Outside is a typo
// (0000-01-05, 2924-10-25), and the dates resolved against it must stay printable as ISO days.
bool plausible_day(Day d);
// The bounds plausible_day() gives, for error messages.
inline constexpr const char* kPlausibleDays = "1900-01-01 to 2199-12-31";

}  // namespace nkclaims
