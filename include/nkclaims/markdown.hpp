// Markdown files as crawlers and transcription tools write them: YAML front matter for the
// metadata, then text with headings, bullets, emphasis, links, images and timestamps, none of
// which the rules must see.
#pragma once

#include <string>
#include <string_view>

#include "nkclaims/gazetteer.hpp"
#include "nkclaims/page_meta.hpp"

namespace nkclaims {

// Reads a Markdown file. The front matter (between "---" lines at the top) gives title
// (title, headline), publication date (published_at, published, publish_date, datePublished,
// date...), outlet (publisher, outlet, site_name, source..., else the url's host). Its author is
// accepted and not used. The text keeps link text, drops markup, URLs, images and inline
// timestamps; a timestamp opening a line is kept as "[00:01:23]", which the sentence splitter
// reads as in a plain transcript. Throws InputError naming `name` and the line of a malformed
// front matter.
Page read_markdown(const std::string& name, std::string_view bytes, const Gazetteer& g);

}  // namespace nkclaims
