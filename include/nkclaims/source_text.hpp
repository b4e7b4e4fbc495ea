// The text the rules read out of a marked-up file (a web page, a Markdown file), and the map
// from each of its bytes back to the bytes of the original file: claims' spans point into the
// file as the user has it, while the rules see decoded text without tags or markup.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "nkclaims/tokens.hpp"

namespace nkclaims {

// Maps byte ranges of an extracted text back to the original file. An empty map is the
// identity (a plain text file is its own text).
class SourceMap {
public:
    // Text bytes from `text_at` on stand for original bytes from `orig_at` on: one for one when
    // `verbatim`, else all of them for the `orig_len` original bytes (a decoded entity, a folded
    // run of spaces, a line break that ends a tag). Pieces are added in text order.
    void add(std::size_t text_at, std::size_t orig_at, std::size_t orig_len, bool verbatim);
    // The original bytes of text bytes [s.begin, s.end): from the first byte's origin to the
    // last byte's end.
    Span original(Span s) const;
    bool empty() const { return pieces_.empty(); }

private:
    struct Piece {
        std::size_t text_at, orig_at, orig_len;
        bool verbatim;
    };
    const Piece& piece_at(std::size_t text_pos) const;
    std::vector<Piece> pieces_;
};

// Builds a text and its map from pieces of an original buffer, in order.
class SourceText {
public:
    explicit SourceText(std::string_view original) : original_(original) {}

    // Copies original bytes [orig_at, orig_at + len) as they are.
    void copy(std::size_t orig_at, std::size_t len);
    // Appends `text` standing for original bytes [orig_at, orig_at + orig_len).
    void put(std::string_view text, std::size_t orig_at, std::size_t orig_len);
    // When the original holds an HTML character reference ("&rsquo;", "&#x27;", "&amp") at
    // `orig_at`, appends its character and returns the bytes it takes; else returns 0.
    std::size_t entity(std::size_t orig_at);
    // Appends the text of an HTML text node: references decoded, every run of white space
    // folded to one space, none at the start of a line.
    void flow(std::size_t orig_at, std::size_t len);
    // Ends the current line (`lines` = 2 also leaves a blank line: a paragraph ends), unless
    // the text is empty or already ends so. The break stands for no original bytes at `orig_at`.
    void end_line(std::size_t orig_at, int lines);

    const std::string& text() const { return text_; }
    std::string take_text() { return std::move(text_); }
    SourceMap take_map() { return std::move(map_); }

private:
    struct Reference {
        std::size_t length;  // original bytes it takes
        std::string text;    // its character(s)
    };
    std::optional<Reference> decode(const std::string& candidate);
    std::optional<Reference> reference_at(std::size_t orig_at);
    void space_run(std::size_t orig_at, std::size_t orig_end);
    void flush_space();

    std::string_view original_;
    std::string text_;
    SourceMap map_;
    std::size_t last_orig_end_ = 0;  // where the last verbatim piece ends in the original
    bool last_verbatim_ = false;
    std::optional<Span> pending_space_;                                     // a run of white space not yet written
    std::unordered_map<std::string, std::optional<Reference>> references_;  // each decoded once
};

}  // namespace nkclaims
