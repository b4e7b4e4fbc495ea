// What a captured page or transcript says about itself at its top and foot: its title (the
// first real headline, never site furniture), its publication date (the first byline or
// dateline near the top: "August 27, 2024 5:54 PM", "Published December 23, 2024",
// "SEOUL, Nov 13 (Reuters) -", "Updated: 4 March 2025", "2024-10-23 14:05", "23.10.2024"),
// its recording date ("recorded ... on the 22nd of October, 2024"), its outlet ("Source: CNN")
// and whether it is a transcript. The words of its header lines are data (data/masthead.tsv).
#pragma once

#include "nkclaims/document.hpp"

namespace nkclaims {

// The metadata a parsed document (its sentences split) gives of itself. A dateline without a
// year ("SEOUL, Nov 13 (Reuters) -", as wire copy writes it) takes the latest year the text
// writes, or the next one if that day would fall before a day the text reports; a text that
// writes no year at all has no publication date. A manifest's fields win over these.
DocumentMeta read_meta(const Document& d, const Gazetteer& g);

}  // namespace nkclaims
