// Saved web pages (.html, .htm) read with an HTML5 parser: the article's text, without scripts,
// styles, menus, headers, footers, asides, forms or elements marked as furniture
// (data/page_furniture.txt), and the page's own title, outlet and publication date.
#pragma once

#include <string>
#include <string_view>

#include "nkclaims/gazetteer.hpp"
#include "nkclaims/page_meta.hpp"

namespace nkclaims {

// Reads a web page. The text is that of the largest <article>, else of <main>, else of <body>;
// block elements end paragraphs, character references are decoded, and the map points every
// byte back into `bytes`. Title from og:title or <title> (without " | Site"), date from
// article:published_time, JSON-LD datePublished or <time datetime>, outlet from og:site_name.
// Throws InputError naming `name` for a page nested too deep to parse in reasonable time.
Page read_html(const std::string& name, std::string_view bytes, const Gazetteer& g);

}  // namespace nkclaims
