// A claim's quote: the sentence its words stand in, cut to a readable length around them. A
// sentence without an end can run to a thousand tokens; stored as the quote of each of its
// figures, a file of such lines would weigh a hundred times its size in the database.
#pragma once

#include <cstddef>
#include <string_view>

#include "nkclaims/tokens.hpp"

namespace nkclaims {

// The longest quote, in bytes: a long sentence of a transcript, and then some.
inline constexpr std::size_t kMaxQuoteBytes = 600;

// The bytes of `text` that quote the words at `words` (within `sentence`): the whole sentence
// when it holds at most kMaxQuoteBytes, else at most that many bytes of it around the words
// (more only when the words alone are longer), cut at spaces, or at a UTF-8 character boundary
// where a run has none.
Span quote_span(std::string_view text, Span sentence, Span words);

}  // namespace nkclaims
