// The document reader: a transcript or article as captured (headers, ads, site furniture,
// lines broken mid-sentence, subtitles) becomes metadata and sentences whose byte offsets point
// into the original file.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "nkclaims/dates.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/gazetteer.hpp"
#include "nkclaims/source_text.hpp"
#include "nkclaims/tokens.hpp"

namespace nkclaims {

enum class DocKind { Transcript, Article };
std::string_view to_string(DocKind k);
std::optional<DocKind> parse_doc_kind(std::string_view s);

// "[00:12:31]", "00:12:31", "(12:31)" at the start of a transcript's line: the stamp's length
// in bytes with the spaces after it, or 0 when the line starts with none.
std::size_t timestamp_prefix(std::string_view line);

// What a document says about itself, or what a manifest or the command line says for it.
struct DocumentMeta {
    std::string title;
    std::string outlet;  // canonical source id
    std::optional<DocKind> kind;
    std::optional<Day> published;
    std::optional<Day> recorded;

    // Fields set in `over` replace ours (the manifest wins over the parser).
    void merge(const DocumentMeta& over);
};

struct Sentence {
    Span span;              // bytes of the sentence in the original file
    std::size_t tok_begin;  // its tokens [tok_begin, tok_end)
    std::size_t tok_end;
    bool boilerplate;     // an ad or site furniture: yields no claims
    std::string speaker;  // "KIRBY" for a line labelled "KIRBY:", else ""
};

struct Document {
    std::string path;   // as given on the command line
    std::string name;   // the file name: claims' `doc`
    std::string bytes;  // the original file, unchanged; of a web page or Markdown file, its text
    SourceMap origin;   // that text's bytes back to the file's (empty: the file is its text)
    TokenStream tokens;
    std::vector<Sentence> sentences;
    DocumentMeta meta;

    // Relative dates resolve against this: the recording date of a transcript, else the
    // publication date.
    std::optional<Day> reference_date() const { return meta.recorded ? meta.recorded : meta.published; }
    // The bytes of the original file that text bytes `s` come from.
    Span original(Span s) const { return origin.original(s); }
    // The sentence's text with line breaks folded to spaces.
    std::string sentence_text(const Sentence& s) const;
};

// A line of a document's bytes [begin, end), without its line break.
struct Line {
    std::size_t begin, end;
};
// The lines of `bytes`, split at "\n" (a "\r" before it is not part of the line).
std::vector<Line> lines_of(std::string_view bytes);
// The line of `bytes` that starts at byte `at` (at most bytes.size()), and where the next one
// starts: past bytes.size() when this one is the last. Readers of the first lines only walk
// them with it instead of splitting the whole text.
std::pair<Line, std::size_t> line_from(std::string_view bytes, std::size_t at);
// `s` without the spaces and tabs around it.
std::string_view trim(std::string_view s);

// Reads and parses a file; a web page (.html, .htm) or Markdown file (.md) is read through its
// markup (html.hpp, markdown.hpp), its metadata under any the text itself gives. Throws InputError naming the file:
// missing, unreadable, empty, binary (a NUL byte), UTF-16, or not UTF-8 (with the byte offset of the first bad byte).
Document read_document(const std::filesystem::path& path, const Gazetteer& g);

// Parses text already in memory; `name` is what errors and claims call it.
Document parse_document(std::string path, std::string bytes, const Gazetteer& g);

// Throws InputError unless `bytes` is non-empty, NUL-free, valid UTF-8 text.
void check_text(const std::string& name, std::string_view bytes);

// Calls `each` for the text files under `path`: the file itself, or every *.txt, *.vtt, *.srt,
// *.md, *.html and *.htm below a folder, recursively, in sorted order, one folder in memory at a time (a corpus of
// millions of files is never listed whole). Throws InputError for a missing path, an unreadable
// folder, or a folder with none. A folder below it that cannot be listed (unreadable, a path too
// long) goes to `unlisted` and the walk goes on with its siblings; without `unlisted`, it throws.
void for_each_input(const std::filesystem::path& path, const std::function<void(const std::filesystem::path&)>& each,
                    const std::function<void(const InputError&)>& unlisted = {});

}  // namespace nkclaims
