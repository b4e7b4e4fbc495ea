// What a web page or a Markdown file says of itself (its title, outlet, publication date) read
// from metadata written for machines: <meta> tags, JSON-LD, YAML front matter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "nkclaims/dates.hpp"
#include "nkclaims/document.hpp"
#include "nkclaims/gazetteer.hpp"
#include "nkclaims/source_text.hpp"

namespace nkclaims {

// A marked-up file read: the text the rules see, its map back to the file, and its metadata.
struct Page {
    SourceText source;
    DocumentMeta meta;
};

// The canonical id of an outlet named by a page ("CNN" → cnn) when the gazetteer knows the
// name as an outlet, else the name as a lower_snake_case slug ("Korea Times" → korea_times).
std::string outlet_id(std::string_view name, const Gazetteer& g);

// The outlet a URL belongs to, from its host ("https://www.nknews.org/x" → the id of "nknews").
std::string outlet_of_url(std::string_view url, const Gazetteer& g);

// The day a metadata value names: "2024-10-25", "2024-10-25T08:30:00+09:00", "October 25, 2024".
std::optional<Day> page_day(std::string_view value);

// A title without the site's name its page appends: "Title | Site", "Title - Site".
std::string strip_site_tail(std::string_view title);

}  // namespace nkclaims
