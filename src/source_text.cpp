#include "nkclaims/source_text.hpp"

#include <gumbo.h>

#include <algorithm>

namespace nkclaims {

void SourceMap::add(std::size_t text_at, std::size_t orig_at, std::size_t orig_len, bool verbatim) {
    pieces_.push_back({text_at, orig_at, orig_len, verbatim});
}

const SourceMap::Piece& SourceMap::piece_at(std::size_t text_pos) const {
    auto it = std::upper_bound(pieces_.begin(), pieces_.end(), text_pos,
                               [](std::size_t pos, const Piece& p) { return pos < p.text_at; });
    return it == pieces_.begin() ? *it : *std::prev(it);
}

Span SourceMap::original(Span s) const {
    if (pieces_.empty()) return s;
    const Piece& first = piece_at(s.begin);
    const std::size_t begin = first.verbatim ? first.orig_at + (s.begin - first.text_at) : first.orig_at;
    if (s.end <= s.begin) return {begin, begin};
    const Piece& last = piece_at(s.end - 1);
    const std::size_t end = last.verbatim ? last.orig_at + (s.end - last.text_at) : last.orig_at + last.orig_len;
    return {begin, std::max(begin, end)};
}

void SourceText::copy(std::size_t orig_at, std::size_t len) {
    if (len == 0) return;
    flush_space();
    // A run that continues the last verbatim piece in both the text and the original extends it.
    if (!(last_verbatim_ && orig_at == last_orig_end_)) map_.add(text_.size(), orig_at, len, true);
    text_.append(original_.substr(orig_at, len));
    last_orig_end_ = orig_at + len;
    last_verbatim_ = true;
}

void SourceText::put(std::string_view text, std::size_t orig_at, std::size_t orig_len) {
    if (text.empty()) return;
    if (text.find_first_not_of('\n') != std::string_view::npos) flush_space();
    map_.add(text_.size(), orig_at, orig_len, false);
    text_.append(text);
    last_verbatim_ = false;
}

namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

constexpr std::size_t kLongestReference = 40;  // "&CounterClockwiseContourIntegral;" and a margin
constexpr std::string_view kNoBreakSpace = "\xC2\xA0";

// What may be a character reference at the start of `s` (which starts with '&'): "&name;",
// "&name", "&#123;", "&#x7B;".
std::string_view reference_candidate(std::string_view s) {
    std::size_t n = 1;
    if (n < s.size() && s[n] == '#') {
        ++n;
        const bool is_hex = n < s.size() && (s[n] == 'x' || s[n] == 'X');
        if (is_hex) ++n;
        while (n < s.size() && n < 16 && (is_hex ? hex(s[n]) : (s[n] >= '0' && s[n] <= '9'))) ++n;
    } else {
        while (n < s.size() && n < kLongestReference && alnum(s[n])) ++n;
    }
    if (n < s.size() && s[n] == ';') ++n;
    return s.substr(0, n);
}

// The text of a parsed fragment's body: what an HTML parser makes of the candidate.
std::string body_text(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) return node->v.text.text;
    if (node->type != GUMBO_NODE_ELEMENT) return {};
    std::string out;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) out += body_text(static_cast<const GumboNode*>(children.data[i]));
    return out;
}

}  // namespace

// The HTML standard's parser decodes the reference, with its 2,231 names and its rules for
// references without a semicolon ("&copy2024" is "©2024"): the candidate alone is parsed, and
// what it leaves undecoded at its end is not part of the reference.
std::optional<SourceText::Reference> SourceText::decode(const std::string& candidate) {
    if (auto it = references_.find(candidate); it != references_.end()) return it->second;
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, candidate.data(), candidate.size());
    const std::string decoded = body_text(out->root);  // html > head, body > text: three levels
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    std::optional<Reference> ref;
    if (!decoded.empty() && decoded != candidate) {
        std::size_t tail = 0;  // bytes left undecoded at the end, never the whole reference
        while (tail + 1 < decoded.size() && tail + 2 < candidate.size() &&
               decoded[decoded.size() - 1 - tail] == candidate[candidate.size() - 1 - tail])
            ++tail;
        ref = Reference{candidate.size() - tail, decoded.substr(0, decoded.size() - tail)};
    }
    references_.emplace(candidate, ref);
    return ref;
}

std::optional<SourceText::Reference> SourceText::reference_at(std::size_t orig_at) {
    if (orig_at >= original_.size() || original_[orig_at] != '&') return std::nullopt;
    const std::string_view candidate = reference_candidate(original_.substr(orig_at));
    if (candidate.size() < 2) return std::nullopt;
    return decode(std::string(candidate));
}

std::size_t SourceText::entity(std::size_t orig_at) {
    const auto ref = reference_at(orig_at);
    if (!ref) return 0;
    put(ref->text, orig_at, ref->length);
    return ref->length;
}

void SourceText::flush_space() {
    if (!pending_space_) return;
    const Span s = *pending_space_;
    pending_space_.reset();
    if (s.end - s.begin == 1 && original_[s.begin] == ' ')
        copy(s.begin, 1);
    else
        put(" ", s.begin, s.end - s.begin);
}

void SourceText::space_run(std::size_t orig_at, std::size_t orig_end) {
    if (pending_space_) {
        pending_space_->end = orig_end;
    } else if (!text_.empty() && text_.back() != '\n') {
        pending_space_ = Span{orig_at, orig_end};
    }
}

void SourceText::flow(std::size_t orig_at, std::size_t len) {
    const std::size_t end = std::min(original_.size(), orig_at + len);
    for (std::size_t i = orig_at; i < end;) {
        if (space(original_[i])) {
            space_run(i, i + 1);
            ++i;
        } else if (original_.substr(i, 2) == kNoBreakSpace) {
            space_run(i, i + 2);
            i += 2;
        } else if (auto ref = reference_at(i); ref && ref->length <= end - i) {
            if (ref->text == kNoBreakSpace)
                space_run(i, i + ref->length);
            else
                put(ref->text, i, ref->length);
            i += ref->length;
        } else {
            std::size_t run = i + 1;
            while (run < end && !space(original_[run]) && original_[run] != '&' && original_[run] != '\xC2') ++run;
            copy(i, run - i);
            i = run;
        }
    }
}

void SourceText::end_line(std::size_t orig_at, int lines) {
    pending_space_.reset();
    if (text_.empty()) return;
    std::size_t have = 0;
    while (have < text_.size() && have < 2 && text_[text_.size() - 1 - have] == '\n') ++have;
    const auto want = static_cast<std::size_t>(lines);
    if (have >= want) return;
    put(std::string(want - have, '\n'), orig_at, 0);
}

}  // namespace nkclaims
