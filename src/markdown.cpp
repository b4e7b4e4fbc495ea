#include "nkclaims/markdown.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <vector>

#include "nkclaims/error.hpp"

namespace nkclaims {

namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

// "published_at", "publishedAt", "Published-At" are one key: "publishedat".
std::string key_of(std::string_view k) {
    std::string out;
    for (char c : k)
        if (alnum(c)) out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

// A scalar, the first scalar of a list, or the name of a map ("publisher: {name: CNN}").
std::string scalar_of(const YAML::Node& n) {
    if (n.IsScalar()) return n.Scalar();
    if (n.IsSequence() && n.size() > 0) return scalar_of(n[0]);
    if (n.IsMap() && n["name"]) return scalar_of(n["name"]);
    return {};
}

// Keys by preference: the first present wins.
constexpr std::string_view kTitleKeys[] = {"title", "headline"};
constexpr std::string_view kDateKeys[] = {"publishedat",   "published",       "publishdate", "publisheddate",
                                          "datepublished", "publicationdate", "pubdate",     "date",
                                          "created",       "createdat"};
constexpr std::string_view kOutletKeys[] = {"publisher", "outlet", "sitename", "site", "publication", "source"};
constexpr std::string_view kUrlKeys[] = {"url", "canonicalurl", "sourceurl", "link", "permalink"};

template <std::size_t N>
std::string first_of(const std::map<std::string, std::string>& fields, const std::string_view (&keys)[N]) {
    for (std::string_view k : keys)
        if (auto it = fields.find(std::string(k)); it != fields.end() && !it->second.empty()) return it->second;
    return {};
}

DocumentMeta meta_of(const YAML::Node& root, const Gazetteer& g) {
    std::map<std::string, std::string> fields;
    for (const auto& kv : root)
        fields.emplace(key_of(kv.first.IsScalar() ? kv.first.Scalar() : ""), scalar_of(kv.second));
    DocumentMeta m;
    m.title = first_of(fields, kTitleKeys);
    if (auto d = first_of(fields, kDateKeys); !d.empty()) m.published = page_day(d);
    if (auto o = first_of(fields, kOutletKeys); !o.empty())
        m.outlet = outlet_id(o, g);
    else if (auto u = first_of(fields, kUrlKeys); !u.empty())
        m.outlet = outlet_of_url(u, g);
    return m;
}

std::string_view line_at(std::string_view b, std::size_t at) {
    const auto nl = b.find('\n', at);
    std::string_view l = b.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

bool fence(std::string_view l) {
    while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l == "---";
}

// The front matter's metadata and where the text begins (0 when there is none).
std::size_t front_matter(const std::string& name, std::string_view b, const Gazetteer& g, DocumentMeta& meta) {
    if (!fence(line_at(b, 0)) || b.find('\n') == std::string_view::npos) return 0;
    std::size_t at = b.find('\n') + 1;
    const std::size_t yaml_begin = at;
    while (at < b.size() && !fence(line_at(b, at)) && line_at(b, at) != "...") {
        const auto nl = b.find('\n', at);
        at = nl == std::string_view::npos ? b.size() : nl + 1;
    }
    if (at >= b.size()) throw InputError(name, "front matter line 1: no closing '---' line");
    YAML::Node root;
    try {
        root = YAML::Load(std::string(b.substr(yaml_begin, at - yaml_begin)));
    } catch (const YAML::Exception& e) {
        const int line = e.mark.is_null() ? 2 : e.mark.line + 2;  // the YAML starts on line 2
        throw InputError(name, fmt::format("front matter line {}: {}", line, e.msg));
    }
    if (!root.IsNull() && !root.IsMap())
        throw InputError(name, "front matter line 2: not a list of 'key: value' lines");
    if (root.IsMap()) meta = meta_of(root, g);
    const auto nl = b.find('\n', at);
    return nl == std::string_view::npos ? b.size() : nl + 1;
}

// "00:01:23", "1:23", "00:01:23.5": a transcript's time.
bool stamp(std::string_view s) {
    return s.size() >= 4 && std::count(s.begin(), s.end(), ':') >= 1 &&
           std::all_of(s.begin(), s.end(), [](char c) { return digit(c) || c == ':' || c == '.'; }) && digit(s[0]);
}

}  // namespace

namespace {

constexpr std::size_t kNone = std::string_view::npos;
constexpr int kMaxNesting = 8;  // links in links: deeper brackets are text

// Reads the text of a Markdown body, line by line, into a SourceText.
class MarkdownText {
public:
    explicit MarkdownText(std::string_view b) : b_(b), out_(b), angle_(b.find('>')) {
        if (angle_ == kNone) angle_ = b_.size();
    }

    SourceText read(std::size_t from) {
        bool code = false;
        for (std::size_t at = from; at < b_.size();) {
            const std::string_view l = line_at(b_, at);
            const std::size_t nl = b_.find('\n', at);
            const std::string_view t = trimmed(l);
            if (t.starts_with("```") || t.starts_with("~~~")) {
                code = !code;
                out_.end_line(at, 2);
            } else if (code || rule(t)) {
                out_.end_line(at, 2);
            } else {
                line(at, at + l.size(), nl);
            }
            if (nl == kNone) break;
            at = nl + 1;
        }
        return std::move(out_);
    }

private:
    static std::string_view trimmed(std::string_view l) {
        const auto a = l.find_first_not_of(" \t");
        return a == kNone ? std::string_view() : l.substr(a, l.find_last_not_of(" \t") - a + 1);
    }

    // "---", "***", "___", "===" (a thematic break or a setext heading's underline).
    static bool rule(std::string_view t) {
        if (t.size() < 3 || (t[0] != '-' && t[0] != '*' && t[0] != '_' && t[0] != '=')) return false;
        return std::all_of(t.begin(), t.end(), [&](char c) { return c == t[0] || c == ' '; });
    }

    // One line: its prefix (quote marks, heading marks, bullet), a timestamp opening it, then
    // its inline text.
    void line(std::size_t at, std::size_t end, std::size_t nl) {
        std::size_t i = at;
        while (i < end && (b_[i] == ' ' || b_[i] == '\t')) ++i;
        while (i < end && b_[i] == '>') i = skip_space(i + 1, end);
        std::size_t marks = 0;
        while (i + marks < end && b_[i + marks] == '#') ++marks;
        const bool heading = marks >= 1 && marks <= 6 && (i + marks == end || b_[i + marks] == ' ');
        std::size_t bullet = heading ? 0 : bullet_length(i, end);
        if (heading || bullet) {
            out_.end_line(at, 2);
            i = skip_space(i + (heading ? marks : bullet), end);
        }
        match_brackets(i, end);
        if (auto n = timestamp(i, end)) {
            out_.put(fmt::format("[{}] ", stamp_), i, n);
            i = skip_space(i + n, end);
        }
        inline_text(i, end, 0);
        if (heading)
            out_.end_line(end, 2);
        else if (nl != kNone)
            out_.copy(nl, 1);
    }

    std::size_t skip_space(std::size_t i, std::size_t end) const {
        while (i < end && b_[i] == ' ') ++i;
        return i;
    }

    // "- ", "* ", "+ ", "12. ", "3) ": the bullet's length without the space, or 0.
    std::size_t bullet_length(std::size_t i, std::size_t end) const {
        if (i + 1 < end && (b_[i] == '-' || b_[i] == '*' || b_[i] == '+') && b_[i + 1] == ' ') return 1;
        std::size_t n = 0;
        while (i + n < end && n < 9 && digit(b_[i + n])) ++n;
        if (n > 0 && i + n + 1 < end && (b_[i + n] == '.' || b_[i + n] == ')') && b_[i + n + 1] == ' ') return n + 1;
        return 0;
    }

    // For every bracket and parenthesis of [from, end), the index of its partner (kNone for
    // none), found in one pass: a line of a million '[' costs no more than a million letters.
    void match_brackets(std::size_t from, std::size_t end) {
        from_ = from;
        partner_.assign(end - from, 0);
        std::vector<std::size_t> square, round;
        for (std::size_t i = from; i < end; ++i) {
            const char c = b_[i];
            if (c == '\\') {
                ++i;
            } else if (c == '[' || c == '(') {
                (c == '[' ? square : round).push_back(i);
            } else if ((c == ']' && !square.empty()) || (c == ')' && !round.empty())) {
                auto& open = c == ']' ? square : round;
                partner_[open.back() - from] = static_cast<std::uint32_t>(i - from + 1);
                partner_[i - from] = static_cast<std::uint32_t>(open.back() - from + 1);
                open.pop_back();
            }
        }
    }
    std::size_t partner(std::size_t i) const {
        if (i < from_ || i - from_ >= partner_.size() || partner_[i - from_] == 0) return kNone;
        return from_ + partner_[i - from_] - 1;
    }

    // After a link's "[text]" closing at `close`: the end of its "(url)", or kNone.
    std::size_t url_end(std::size_t close, std::size_t end) const {
        if (close + 1 >= end || b_[close + 1] != '(') return kNone;
        const std::size_t p = partner(close + 1);
        return p == kNone ? kNone : p + 1;
    }

    // "[00:01:23]", "[[00:01:23](https://…)]", "[00:01:23](https://…)", and at a line's start
    // "(00:01:23)" or "00:01:23 ": the bytes it takes (its time in stamp_), or 0.
    std::size_t timestamp(std::size_t i, std::size_t end) {
        if (i >= end) return 0;
        const std::size_t close = partner(i);
        if (b_[i] == '[' && close != kNone) {
            std::size_t inner = i + 1, inner_close = close;
            if (b_[inner] == '[' && partner(inner) != kNone) inner_close = partner(inner++);
            stamp_ = b_.substr(inner, inner_close - inner);
            if (!stamp(stamp_)) return 0;
            const std::size_t u = url_end(close, end);
            return (u == kNone ? close + 1 : u) - i;
        }
        if (b_[i] == '(' && close != kNone) {
            stamp_ = b_.substr(i + 1, close - i - 1);
            return stamp(stamp_) ? close + 1 - i : 0;
        }
        std::size_t n = i;
        while (n < end && (digit(b_[n]) || b_[n] == ':' || b_[n] == '.')) ++n;
        stamp_ = b_.substr(i, n - i);
        return stamp(stamp_) && (n == end || b_[n] == ' ') ? n - i : 0;
    }

    // The first '>' at or after i (the search moves forward only: linear over a file of '<').
    std::size_t closing_angle(std::size_t i) {
        if (angle_ < i) {
            angle_ = b_.find('>', i);
            if (angle_ == kNone) angle_ = b_.size();
        }
        return angle_;
    }

    // Past what was dropped at i: "and ![a map](m.png) the" leaves one space, not two.
    std::size_t after_drop(std::size_t i, std::size_t end) const {
        if (out_.text().empty() || out_.text().back() == ' ')
            while (i < end && b_[i] == ' ') ++i;
        return i;
    }

    void inline_text(std::size_t i, std::size_t end, int depth);
    std::size_t inline_bracket(std::size_t i, std::size_t end, int depth);

    std::string_view b_;
    SourceText out_;
    std::size_t from_ = 0;
    std::vector<std::uint32_t> partner_;  // of the line's brackets: 1 + partner's offset, or 0
    std::string_view stamp_;
    std::size_t angle_;
};

bool special(char c) {
    return c == '\\' || c == '!' || c == '[' || c == '<' || c == '*' || c == '`' || c == '~' || c == '_' || c == '&';
}

// A bracket at i: a timestamp (dropped), a link or reference (its text kept), or a bracket.
std::size_t MarkdownText::inline_bracket(std::size_t i, std::size_t end, int depth) {
    const std::size_t close = partner(i);
    if (close == kNone || close >= end || depth >= kMaxNesting) {
        out_.copy(i, 1);
        return i + 1;
    }
    if (const std::size_t n = timestamp(i, end); n > 0) return after_drop(i + n, end);
    std::size_t after = url_end(close, end);
    if (after == kNone && close + 1 < end && b_[close + 1] == '[' && partner(close + 1) != kNone)
        after = partner(close + 1) + 1;  // [text][ref]
    if (after == kNone) {                // "[sic]": a bracket of the text
        out_.copy(i, 1);
        inline_text(i + 1, close, depth + 1);
        out_.copy(close, 1);
        return close + 1;
    }
    inline_text(i + 1, close, depth + 1);
    return after;
}

void MarkdownText::inline_text(std::size_t i, std::size_t end, int depth) {
    while (i < end) {
        const char c = b_[i];
        const char next = i + 1 < end ? b_[i + 1] : '\0';
        if (c == '\\' && next != '\0' && !alnum(next) && static_cast<unsigned char>(next) < 0x80 && next != ' ') {
            out_.put(b_.substr(i + 1, 1), i, 2);
            i += 2;
        } else if (c == '!' && next == '[' && partner(i + 1) != kNone && url_end(partner(i + 1), end) != kNone) {
            i = after_drop(url_end(partner(i + 1), end), end);  // an image
        } else if (c == '[') {
            i = inline_bracket(i, end, depth);
        } else if (c == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!') &&
                   closing_angle(i) < end) {
            i = after_drop(closing_angle(i) + 1, end);  // an HTML tag or an autolink
        } else if (c == '*' || c == '`' || (c == '~' && next == '~')) {
            i += c == '~' ? 2 : 1;
        } else if (c == '_' && (i == 0 || !alnum(b_[i - 1]) || !alnum(next))) {
            ++i;
        } else if (const std::size_t n = c == '&' ? out_.entity(i) : 0; n > 0) {
            i += n;
        } else {
            std::size_t run = i + 1;
            while (run < end && !special(b_[run])) ++run;
            out_.copy(i, run - i);
            i = run;
        }
    }
}

}  // namespace

Page read_markdown(const std::string& name, std::string_view bytes, const Gazetteer& g) {
    DocumentMeta meta;
    const std::size_t body = front_matter(name, bytes, g, meta);
    return Page{MarkdownText(bytes).read(body), std::move(meta)};
}

}  // namespace nkclaims
