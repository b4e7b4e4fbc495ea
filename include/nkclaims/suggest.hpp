// Suggestions for a mistyped name: a command, an option, a manifest key. "did you mean claims?"
// is worth more than a list of every name.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nkclaims {

// The number of single-byte edits (insert, delete, replace, or swap two neighbours) that make
// `a` into `b`.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, when it is close enough to be what was meant: at most one
// edit for a word of up to five bytes, two up to eight, three beyond. Ties go to the first.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& candidates);

// " (did you mean X?)" for the closest candidate, or "" when none is close.
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace nkclaims
