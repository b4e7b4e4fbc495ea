#include "nkclaims/masthead.hpp"

#include <algorithm>

#include "nkclaims/numeric_words.hpp"

namespace nkclaims {

using namespace std::chrono;

namespace {

constexpr std::size_t kTitleBytes = 300;   // a longer line is body text, never a title
constexpr std::size_t kTopBytes = 3000;    // bylines and datelines stand above this byte...
constexpr int kTopLines = 12;              // ...and within this many lines with text
constexpr std::size_t kBylineBytes = 200;  // a longer line is body text, unless its date leads it
constexpr std::size_t kDatelineLead = 60;  // "SEOUL, Nov 13 (Reuters) -": a date this near the line's start

// The lines at the top of a document: which are furniture or bylines, and the first day one
// of them writes.
class Masthead {
public:
    explicit Masthead(const Document& d) : d_(d), t_(d.tokens.tokens) {}

    // Neither furniture nor a byline, nor a line that is only a date ("October 30, 2024").
    bool may_be_title(const Line& l) const {
        const auto [b, e] = tokens_of(l);
        if (b == e) return false;
        if (numeric_words().masthead.match(t_, b, e)) return false;
        const auto dates = find_dates(t_, b, e, std::nullopt);
        return dates.empty() || dates.front().first != b || e - dates.front().last > 3;
    }

    // The first day written on a byline or a dateline near the top.
    std::optional<Day> publication_date() const {
        int seen = 0;
        for (const Line& l : lines_of(d_.bytes)) {
            if (l.begin >= kTopBytes || seen >= kTopLines) break;
            const std::string_view text = trim(std::string_view(d_.bytes).substr(l.begin, l.end - l.begin));
            if (text.empty()) continue;
            ++seen;
            if (auto day = date_on(l, text.size())) return day;
        }
        return std::nullopt;
    }

private:
    // The tokens [first, last) that stand on line `l`.
    std::pair<std::size_t, std::size_t> tokens_of(const Line& l) const {
        const auto before = [](const Token& t, std::size_t at) { return t.span.begin < at; };
        const auto lo = std::lower_bound(t_.begin(), t_.end(), l.begin, before);
        const auto hi = std::lower_bound(lo, t_.end(), l.end, before);
        return {static_cast<std::size_t>(lo - t_.begin()), static_cast<std::size_t>(hi - t_.begin())};
    }

    // A day on a byline (any length), on a short line, or leading a long one (a dateline).
    std::optional<Day> date_on(const Line& l, std::size_t length) const {
        const auto [b, e] = tokens_of(l);
        if (b == e) return std::nullopt;
        const auto m = numeric_words().masthead.match(t_, b, e);
        const bool byline = m && *m->value == MastheadRole::Byline;
        const auto counts = [&](const DateMention& dm) {
            return byline || length <= kBylineBytes || t_[dm.first].span.begin < l.begin + kDatelineLead;
        };
        for (const DateMention& dm : find_dates(t_, b, e, std::nullopt))
            if (dm.range.first == dm.range.last && counts(dm)) return dm.range.first;
        bool month = false;  // a year-less day needs a month name where a dateline stands
        for (std::size_t i = b; i < e && !month; ++i) {
            if (!byline && length > kBylineBytes && t_[i].span.begin >= l.begin + kDatelineLead) break;
            month = t_[i].is_word() && numeric_words().dates.months.contains(HashedWord(t_[i]));
        }
        if (!month) return std::nullopt;
        scan_latest();
        if (latest_year_ == 0) return std::nullopt;  // no year anywhere: "Nov 13" could be any year's
        for (const DateMention& dm : find_dates(t_, b, e, sys_days{year{latest_year_} / December / 31})) {
            if (dm.range.first != dm.range.last || !counts(dm) || !names_month(dm)) continue;
            Day day = dm.range.first;
            if (day < latest_day_) day = sys_days{year_month_day{day} + years{1}};
            return day;
        }
        return std::nullopt;
    }

    // "Nov 13", not "Wednesday": a day the text names by its month.
    bool names_month(const DateMention& dm) const {
        for (std::size_t i = dm.first; i < dm.last; ++i)
            if (t_[i].is_word() && numeric_words().dates.months.contains(HashedWord(t_[i]))) return true;
        return false;
    }

    // The latest year the text writes and the latest whole day it writes, read once.
    void scan_latest() const {
        if (scanned_) return;
        scanned_ = true;
        for (const DateMention& dm : find_dates(t_, 0, t_.size(), std::nullopt)) {
            latest_year_ = std::max(latest_year_, static_cast<int>(year_month_day{dm.range.last}.year()));
            if (dm.range.first == dm.range.last && dm.range.first > latest_day_) latest_day_ = dm.range.first;
        }
    }

    const Document& d_;
    const std::vector<Token>& t_;
    mutable bool scanned_ = false;
    mutable int latest_year_ = 0;  // 0: the text writes no year
    mutable Day latest_day_{};     // the epoch when it writes no whole day
};

// The value after "Key:" on a line near the top, if the line starts with it.
std::optional<std::string> header_value(std::string_view bytes, std::string_view key) {
    std::size_t at = 0;
    for (int n = 0; n < 12 && at < bytes.size(); ++n) {
        auto nl = bytes.find('\n', at);
        if (nl == std::string_view::npos) nl = bytes.size();
        const std::string_view line = trim(bytes.substr(at, nl - at));
        if (line.starts_with(key)) return std::string(trim(line.substr(key.size())));
        at = nl + 1;
    }
    return std::nullopt;
}

std::optional<Day> first_absolute_date(std::string_view text) {
    const TokenStream ts = tokenize(text);
    for (const DateMention& m : find_dates(ts.tokens, 0, ts.tokens.size(), std::nullopt))
        if (m.range.first == m.range.last) return m.range.first;
    return std::nullopt;
}

std::string outlet_in(std::string_view text, const Gazetteer& g) {
    const TokenStream ts = tokenize(text);
    for (std::size_t i = 0; i < ts.tokens.size(); ++i)
        if (auto m = g.sources.match(ts.tokens, i, ts.tokens.size()); m && m->value->kind == SourceKind::Outlet)
            return m->value->id;
    return {};
}

}  // namespace

// Title, outlet, dates and kind from the header and the host's introduction.
DocumentMeta read_meta(const Document& d, const Gazetteer& g) {
    DocumentMeta m;
    const std::string_view b = d.bytes;
    const Masthead top(d);
    for (const Line& l : lines_of(b)) {
        const std::string line(trim(b.substr(l.begin, l.end - l.begin)));
        if (line.empty() || line.size() > kTitleBytes || !top.may_be_title(l)) continue;
        m.title = line;
        const auto by = line.find(" by ");
        const auto dash = line.find(" - ");
        if (by != std::string::npos && dash != std::string::npos && by < dash) {
            m.outlet = outlet_in(std::string_view(line).substr(by + 4, dash - by - 4), g);
            m.title = line.substr(dash + 3);
            m.kind = DocKind::Transcript;
        }
        break;
    }
    if (auto v = header_value(b, "Episode Date:")) {
        m.published = first_absolute_date(*v);
        m.kind = DocKind::Transcript;
    }
    for (const char* key : {"Published:", "Date:"})
        if (auto v = header_value(b, key); v && !m.published) m.published = first_absolute_date(*v);
    if (!m.published) m.published = top.publication_date();
    // "this episode was recorded ... on Tuesday, the 22nd of October, 2024"
    for (const Sentence& s : d.sentences) {
        if (s.span.begin > 6000) break;
        const auto& toks = d.tokens.tokens;
        for (std::size_t i = s.tok_begin; i < s.tok_end; ++i) {
            if (!toks[i].is("recorded")) continue;
            for (const DateMention& dm : find_dates(toks, i, s.tok_end, std::nullopt))
                if (dm.range.first == dm.range.last) {
                    m.recorded = dm.range.first;
                    m.kind = DocKind::Transcript;
                    break;
                }
        }
        if (m.recorded) break;
    }
    // "Source: CNN" closes an article: look only at its last lines.
    const std::size_t tail = b.size() > 400 ? b.size() - 400 : 0;
    auto last_nl = b.substr(tail).rfind("Source:");
    if (last_nl != std::string_view::npos) last_nl += tail;
    if (last_nl != std::string_view::npos && m.outlet.empty()) {
        auto eol = b.find('\n', last_nl);
        m.outlet = outlet_in(b.substr(last_nl + 7, (eol == std::string_view::npos ? b.size() : eol) - last_nl - 7), g);
    }
    if (!m.kind) {
        const bool subtitles = b.starts_with("WEBVTT") || b.substr(0, 2000).find("-->") != std::string_view::npos;
        m.kind = subtitles ? DocKind::Transcript : DocKind::Article;
    }
    return m;
}

}  // namespace nkclaims
