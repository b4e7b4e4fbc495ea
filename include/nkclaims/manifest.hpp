// A manifest says what files do not say about themselves (CONTRACT.md): a JSON array of
// {"file", "published", "recorded", "outlet", "title", "kind"}, paths relative to the manifest.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "nkclaims/document.hpp"

namespace nkclaims {

class Manifest {
public:
    // Reads and validates a manifest. Throws ConfigError naming the manifest: not JSON, not an
    // array, an entry without "file", a file that does not exist, a date that is not a day.
    static Manifest load(const std::filesystem::path& path);

    // What the manifest says about `file`, or nullptr.
    const DocumentMeta* find(const std::filesystem::path& file) const;

private:
    std::map<std::string, DocumentMeta> entries_;  // by canonical path
};

}  // namespace nkclaims
