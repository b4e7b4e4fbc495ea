// The JSON codecs of nkclaims, in one place: a Claim (CONTRACT.md's form), a stored document
// and a conflict with its claims. Every JSON output (extract, claims, conflicts, latest,
// timeline, shards, report.json) is written from these, and nothing is printed to be parsed
// again. Text from outside (a file name) that is not valid UTF-8 is written with U+FFFD in
// place of the bad bytes, and the object says so: "invalid_utf8": ["doc"].
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "nkclaims/claim.hpp"
#include "nkclaims/conflicts.hpp"
#include "nkclaims/store.hpp"

namespace nkclaims {

class DisplayNames;

// The claim as CONTRACT.md prints it (one JSON object). With `names` holding display names,
// "source_name", "via_name" and "location_name" are added beside the ids.
nlohmann::json to_json(const Claim& c, const DisplayNames* names = nullptr);
// The same JSON as to_json(c, names).dump(), appended to `out` without building a JSON tree:
// the extract path writes millions of these.
void append_json(std::string& out, const Claim& c, const DisplayNames* names = nullptr);
// The inverse, for `nkclaims import`; throws nlohmann::json::exception on a malformed object.
Claim claim_from_json(const nlohmann::json& j);

// A stored document: name, path, hash, title, outlet, kind, published, recorded, bytes, claims.
nlohmann::json to_json(const StoredDocument& d);
// The inverse, for shards; `claims` is how many claims come with it. Throws
// nlohmann::json::exception when name, path or hash is missing.
StoredDocument document_from_json(const nlohmann::json& j, std::size_t claims);

// A conflict: its kind, topic, reason, severity (to three decimals), gap_days and claims.
void append_json(std::string& out, const Conflict& c, const DisplayNames* names = nullptr);
// A corroboration: its claims (a voice's first each), how many agree, the topic.
void append_json(std::string& out, const Corroboration& c, const DisplayNames* names = nullptr);
// A revision: its claims in date order, the source, the topic.
void append_json(std::string& out, const Revision& r, const DisplayNames* names = nullptr);

}  // namespace nkclaims
