#include "nkclaims/document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "nkclaims/error.hpp"
#include "nkclaims/html.hpp"
#include "nkclaims/markdown.hpp"
#include "nkclaims/masthead.hpp"
#include "nkclaims/numeric_words.hpp"

namespace nkclaims {

std::string_view to_string(DocKind k) { return k == DocKind::Transcript ? "transcript" : "article"; }

std::optional<DocKind> parse_doc_kind(std::string_view s) {
    if (s == "transcript") return DocKind::Transcript;
    if (s == "article") return DocKind::Article;
    return std::nullopt;
}

void DocumentMeta::merge(const DocumentMeta& over) {
    if (!over.title.empty()) title = over.title;
    if (!over.outlet.empty()) outlet = over.outlet;
    if (over.kind) kind = over.kind;
    if (over.published) published = over.published;
    if (over.recorded) recorded = over.recorded;
}

std::string Document::sentence_text(const Sentence& s) const {
    std::string out = bytes.substr(s.span.begin, s.span.end - s.span.begin);
    std::replace_if(
        out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return out;
}

void check_text(const std::string& name, std::string_view b) {
    if (b.empty()) throw InputError(name, "empty file");
    if (b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF')))
        throw InputError(name, "UTF-16 text (byte-order mark); convert it to UTF-8");
    for (std::size_t i = 0; i < b.size();) {
        // Eight ASCII bytes with no NUL at a time: most text.
        if (i + 8 <= b.size()) {
            std::uint64_t w;
            std::memcpy(&w, b.data() + i, 8);
            const bool ascii = (w & 0x8080808080808080ull) == 0;
            const bool nul = ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0;
            if (ascii && !nul) {
                i += 8;
                continue;
            }
        }
        const auto c = static_cast<unsigned char>(b[i]);
        if (c == 0) throw InputError(name, fmt::format("binary file (NUL byte at offset {})", i));
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        bool ok = len > 0 && i + len <= b.size();
        for (std::size_t k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(b[i + k]) & 0xC0) == 0x80;
        if (ok && len == 2) ok = c >= 0xC2;  // no overlong forms
        if (ok && len == 3) {
            const auto c1 = static_cast<unsigned char>(b[i + 1]);
            ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
        }
        if (ok && len == 4) {
            const auto c1 = static_cast<unsigned char>(b[i + 1]);
            ok = c <= 0xF4 && !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
        }
        if (!ok) throw InputError(name, fmt::format("not UTF-8 text (invalid byte at offset {})", i));
        i += len;
    }
}

namespace {

constexpr std::size_t kLongSentence = 400;        // bytes: past this, a line break ends an unpunctuated run
constexpr std::size_t kMaxSentenceTokens = 1000;  // past 600 a comma ends a sentence, past 1000 anything

}  // namespace

std::pair<Line, std::size_t> line_from(std::string_view b, std::size_t at) {
    auto nl = b.find('\n', at);
    if (nl == std::string_view::npos) nl = b.size();
    std::size_t end = nl;
    if (end > at && b[end - 1] == '\r') --end;
    return {{at, end}, nl + 1};
}

std::vector<Line> lines_of(std::string_view b) {
    std::vector<Line> out;
    for (std::size_t at = 0; at <= b.size();) {
        const auto [line, next] = line_from(b, at);
        out.push_back(line);
        at = next;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    std::size_t a = 0, e = s.size();
    while (a < e && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (e > a && (s[e - 1] == ' ' || s[e - 1] == '\t')) --e;
    return s.substr(a, e - a);
}

std::size_t timestamp_prefix(std::string_view l) {
    std::size_t i = 0;
    const bool open = i < l.size() && (l[i] == '[' || l[i] == '(');
    if (open) ++i;
    const std::size_t digits_start = i;
    while (i < l.size() && ((l[i] >= '0' && l[i] <= '9') || l[i] == ':' || l[i] == '.')) ++i;
    const std::string_view stamp = l.substr(digits_start, i - digits_start);
    if (std::count(stamp.begin(), stamp.end(), ':') < 1 || stamp.size() < 4) return 0;
    if (open) {
        if (i >= l.size() || (l[i] != ']' && l[i] != ')')) return 0;
        ++i;
    }
    while (i < l.size() && l[i] == ' ') ++i;
    return i;
}

namespace {

// Subtitle furniture: "WEBVTT", SRT cue numbers, "00:00:01.000 --> 00:00:04.000".
bool subtitle_line(std::string_view l) {
    const std::string_view t = trim(l);
    if (t == "WEBVTT" || t.find("-->") != std::string::npos) return true;
    return !t.empty() && t.size() <= 6 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "KIRBY:" or "JOHN KIRBY:" at the start of a line, or "Budanov:" after a timestamp: the
// label's length including the colon. Mixed case only after a timestamp, where "Source: CNN"
// and "Episode Date:" cannot be.
std::size_t speaker_label(std::string_view l, std::string& speaker, bool after_timestamp) {
    const auto colon = l.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 40) return 0;
    const std::string_view name = l.substr(0, colon);
    if (name.find("  ") != std::string_view::npos || std::count(name.begin(), name.end(), ' ') > 3) return 0;
    bool letters = false;
    for (char c : name) {
        if (c >= 'a' && c <= 'z' && !after_timestamp) return 0;
        if (c >= 'a' && c <= 'z') continue;
        if (!((c >= 'A' && c <= 'Z') || c == ' ' || c == '.' || c == '-' || c == '\'')) return 0;
        letters = letters || (c >= 'A' && c <= 'Z');
    }
    if (!letters) return 0;
    speaker = std::string(trim(name));
    return colon + 1;
}

class Splitter {
public:
    Splitter(Document& d, const Gazetteer& g) : d_(d), g_(g) {}

    void run() {
        const auto& toks = d_.tokens.tokens;
        mark_lines();
        std::sort(breaks_.begin(), breaks_.end());
        std::size_t start = next_kept(0);
        for (std::size_t i = start; i < toks.size(); i = next_kept(i + 1)) {
            const std::size_t next = next_kept(i + 1);
            if (next >= toks.size() || ends_after(i, next, start)) {
                close(start, i + 1);
                start = next;
            }
        }
    }

private:
    // Skipped tokens (subtitle furniture, timestamps, speaker labels) and forced breaks.
    void mark_lines() {
        const auto& toks = d_.tokens.tokens;
        skip_.assign(toks.size(), false);
        speaker_at_.assign(toks.size(), 0);
        speakers_.assign(1, std::string{});
        std::size_t t = 0;
        std::uint32_t speaker = 0;
        bool seen_text = false;
        for (const Line& line : lines_of(d_.bytes)) {
            const std::string_view text = std::string_view(d_.bytes).substr(line.begin, line.end - line.begin);
            std::size_t skip_bytes = subtitle_line(text) ? text.size() : timestamp_prefix(text);
            std::string label;
            if (skip_bytes < text.size()) {
                if (std::size_t n = speaker_label(text.substr(skip_bytes), label, skip_bytes > 0)) {
                    skip_bytes += n;
                    speakers_.push_back(label);
                    speaker = static_cast<std::uint32_t>(speakers_.size() - 1);
                    breaks_.push_back(line.begin);
                }
            }
            if (skip_bytes > 0) breaks_.push_back(line.begin);
            while (t < toks.size() && toks[t].span.begin < line.begin) ++t;
            const std::size_t line_tokens = t;
            for (; t < toks.size() && toks[t].span.begin < line.end; ++t) {
                if (toks[t].span.begin < line.begin + skip_bytes) skip_[t] = true;
                speaker_at_[t] = speaker;
            }
            const bool first_line = !seen_text && !trim(text).empty();
            seen_text = seen_text || first_line;
            // Headers stand at the top ("Episode Date:") and the foot ("Source: CNN").
            const bool edge = line.begin < 3000 || line.end + 400 > d_.bytes.size();
            if ((edge && header_line(line_tokens, t)) ||
                (first_line && headline(text, next_line_starts_anew(line.end)))) {
                breaks_.push_back(line.begin);
                breaks_.push_back(line.end);
            }
        }
    }

    // Whether the text after byte `at` begins a new sentence (a capital, a digit, a quote), not
    // the rest of a broken line.
    bool next_line_starts_anew(std::size_t at) const {
        const auto& b = d_.bytes;
        while (at < b.size() && (b[at] == '\n' || b[at] == '\r' || b[at] == ' ' || b[at] == '\t')) ++at;
        if (at >= b.size()) return false;
        const auto c = static_cast<unsigned char>(b[at]);
        return !(c >= 'a' && c <= 'z');
    }

    // A first line without closing punctuation, with text after it, is a headline.
    static bool headline(std::string_view l, bool more) {
        const std::string_view t = trim(l);
        return more && !t.empty() && t.size() <= 300 && t.back() != '.' && t.back() != '?' && t.back() != '!' &&
               t.back() != '"';
    }

    // Lines that stand alone (data/header_lines.tsv): "Episode Date: ...", "Transcript", a
    // podcast's title line, "Source: CNN". Over the line's tokens [b, e).
    bool header_line(std::size_t b, std::size_t e) const {
        const auto& toks = d_.tokens.tokens;
        const auto& keys = numeric_words().headers;
        if (const auto m = keys.match(toks, b, e)) {
            const HeaderRole r = *m->value;
            if (r == HeaderRole::Alone && m->length == e - b) return true;
            if (r != HeaderRole::Alone && r != HeaderRole::Podcast && r != HeaderRole::Credit &&
                r != HeaderRole::Recorded && r != HeaderRole::Spoken)
                return true;
        }
        for (std::size_t i = b + 1; i < e; ++i)
            if (const auto m = keys.match(toks, i, e); m && *m->value == HeaderRole::Podcast) return true;
        return false;
    }

    std::size_t next_kept(std::size_t i) const {
        while (i < skip_.size() && skip_[i]) ++i;
        return i;
    }

    bool line_break_between(std::size_t a, std::size_t b) const {
        const auto& toks = d_.tokens.tokens;
        return toks[b].line_start && toks[a].span.end <= toks[b].span.begin;
    }

    bool blank_line_between(std::size_t a, std::size_t b) const {
        const auto& toks = d_.tokens.tokens;
        const std::string_view gap =
            std::string_view(d_.bytes).substr(toks[a].span.end, toks[b].span.begin - toks[a].span.end);
        return std::count(gap.begin(), gap.end(), '\n') >= 2;
    }

    // A header line, speaker label or timestamp between tokens a and b.
    bool forced_break(std::size_t a, std::size_t b) const {
        if (breaks_.empty()) return false;
        const auto& toks = d_.tokens.tokens;
        auto it = std::lower_bound(breaks_.begin(), breaks_.end(), toks[a].span.end);
        return it != breaks_.end() && *it <= toks[b].span.begin;
    }

    // Does a sentence end between token i and the next kept token?
    bool ends_after(std::size_t i, std::size_t next, std::size_t start) const {
        const auto& toks = d_.tokens.tokens;
        const Token& t = toks[i];
        const Token& n = toks[next];
        if (forced_break(i, next) || blank_line_between(i, next) || speaker_at_[i] != speaker_at_[next]) return true;
        if (t.is(".") || t.is("?") || t.is("!") || t.is("...")) {
            if (!n.space_before && !n.is("\"") && !n.is(")")) return false;
            if (t.is(".") && i > 0 && abbreviation(toks[i - 1])) return false;
            return true;
        }
        // A date glued to the summary after it: "July 8, 2025Seoul".
        if (t.kind == TokenKind::Number && n.is_word() && !n.space_before && n.capitalized()) return true;
        // A closing quote after the end of a sentence: "... matters."
        if (t.is("\"") && i > 0 && (toks[i - 1].is(".") || toks[i - 1].is("?") || toks[i - 1].is("!")) &&
            n.space_before)
            return true;
        const std::size_t length = t.span.end - toks[start].span.begin;
        // A text that never ends a sentence (a 50 MB line) is cut: the rules look at whole
        // sentences, so their length bounds the work per figure.
        if (next - start > kMaxSentenceTokens) return true;
        if (next - start > kMaxSentenceTokens * 6 / 10 && t.is(",")) return true;
        return line_break_between(i, next) && length > kLongSentence && n.capitalized();
    }

    static bool abbreviation(const Token& t) {
        if (t.kind != TokenKind::Word) return false;
        if (t.text.size() == 1 && t.capitalized()) return true;  // U.S., J. Smith
        return numeric_words().abbreviations.contains(HashedWord(t));
    }

    void close(std::size_t b, std::size_t e) {
        const auto& toks = d_.tokens.tokens;
        if (b >= e) return;
        Sentence s{{toks[b].span.begin, toks[e - 1].span.end}, b, e, false, speakers_[speaker_at_[b]]};
        s.boilerplate = is_boilerplate(s);
        d_.sentences.push_back(std::move(s));
    }

    bool is_boilerplate(const Sentence& s) const {
        const auto& toks = d_.tokens.tokens;
        for (std::size_t i = s.tok_begin; i < s.tok_end; ++i)
            if (g_.boilerplate.match(toks, i, s.tok_end)) return true;
        return false;
    }

    Document& d_;
    const Gazetteer& g_;
    std::vector<bool> skip_;
    std::vector<std::uint32_t> speaker_at_;  // index into speakers_
    std::vector<std::string> speakers_;
    std::vector<std::size_t> breaks_;  // byte offsets where a sentence must end, ascending
};

// A web page's or Markdown file's text and metadata, by the file's extension; else nothing.
std::optional<Page> read_markup(const std::string& path, std::string_view bytes, const Gazetteer& g) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c; });
    if (ext == ".html" || ext == ".htm") return read_html(path, bytes, g);
    if (ext == ".md") return read_markdown(path, bytes, g);
    return std::nullopt;
}

}  // namespace

Document parse_document(std::string path, std::string bytes, const Gazetteer& g) {
    Document d;
    d.path = std::move(path);
    d.name = std::filesystem::path(d.path).filename().string();
    if (d.name.empty()) d.name = d.path;
    check_text(d.path, bytes);
    std::optional<Page> page = read_markup(d.path, bytes, g);
    if (page) {
        bytes = page->source.take_text();
        d.origin = page->source.take_map();
    }
    d.bytes = std::move(bytes);
    const std::size_t bom = std::string_view(d.bytes).starts_with("\xEF\xBB\xBF") ? 3 : 0;
    d.tokens = tokenize(std::string_view(d.bytes).substr(bom), bom);
    if (d.tokens.tokens.empty()) throw InputError(d.path, "no text in file");
    Splitter(d, g).run();
    d.meta = read_meta(d, g);
    if (page) d.meta.merge(page->meta);
    // A headline restates the body: its sentence yields no claims.
    if (!d.sentences.empty() && !d.meta.title.empty() && d.sentence_text(d.sentences.front()) == d.meta.title &&
        d.sentences.size() > 1 && d.meta.title.back() != '.')
        d.sentences.front().boilerplate = true;
    return d;
}

Document read_document(const std::filesystem::path& path, const Gazetteer& g) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path.string(), "no such file");
    if (std::filesystem::is_directory(path, ec)) throw InputError(path.string(), "is a folder, not a file");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path.string(), "cannot read file (permission denied?)");
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) throw InputError(path.string(), "read error");
    return parse_document(path.string(), std::move(buf).str(), g);
}

namespace {

bool is_text_file(const std::filesystem::path& p) {
    const auto ext = p.extension();
    return ext == ".txt" || ext == ".vtt" || ext == ".srt" || ext == ".md" || ext == ".html" || ext == ".htm";
}

// One folder's entries, sorted, then each in turn: only the folders on the current path are in
// memory. Symlinked folders are not followed (no loops); symlinked files are read. A subfolder
// that cannot be listed goes to `unlisted`; its siblings are still walked.
std::size_t walk(const std::filesystem::path& folder, const std::function<void(const std::filesystem::path&)>& each,
                 const std::function<void(const InputError&)>& unlisted) {
    std::error_code ec;
    std::vector<std::filesystem::directory_entry> entries;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        entries.push_back(*it);
    if (ec) throw InputError(folder.string(), "cannot list folder: " + ec.message());
    std::sort(entries.begin(), entries.end());
    std::size_t found = 0;
    for (const auto& e : entries) {
        if (e.is_directory(ec) && !e.is_symlink(ec)) {
            try {
                found += walk(e.path(), each, unlisted);
            } catch (const InputError& error) {
                unlisted(error);
            }
        } else if (is_text_file(e.path()) && e.is_regular_file(ec)) {
            each(e.path());
            ++found;
        }
    }
    return found;
}

}  // namespace

void for_each_input(const std::filesystem::path& path, const std::function<void(const std::filesystem::path&)>& each,
                    const std::function<void(const InputError&)>& unlisted) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw InputError(path.string(), "no such file or folder");
    if (!std::filesystem::is_directory(path, ec)) return each(path);
    bool skipped = false;
    const auto skip = [&](const InputError& e) {
        if (!unlisted) throw e;
        skipped = true;
        unlisted(e);
    };
    if (walk(path, each, skip) == 0 && !skipped)
        throw InputError(path.string(), "no text files (*.txt, *.vtt, *.srt, *.md, *.html, *.htm) in folder");
}

}  // namespace nkclaims
