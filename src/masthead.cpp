#include "nkclaims/masthead.hpp"

#include <algorithm>

#include "nkclaims/numeric_words.hpp"

namespace nkclaims {

using namespace std::chrono;

namespace {

constexpr std::size_t kTitleBytes = 300;      // a longer line is body text, never a title
constexpr std::size_t kTopBytes = 3000;       // bylines and datelines stand above this byte...
constexpr int kTopLines = 12;                 // ...and within this many lines with text
constexpr std::size_t kBylineBytes = 200;     // a longer line is body text, unless its date leads it
constexpr std::size_t kDatelineLead = 60;     // "SEOUL, Nov 13 (Reuters) -": a date this near the line's start
constexpr int kKeyedLines = 12;               // "Episode Date:", "Published:" stand in the first lines
constexpr std::size_t kFooterBytes = 400;     // "Source: CNN" stands in the last bytes
constexpr std::size_t kTranscriptTurns = 2;   // speaker turns or timestamps that make a transcript
constexpr std::size_t kRecordedBytes = 6000;  // "this episode was recorded on ..." is said before this byte

const Lexicon<HeaderRole>& header_keys() { return numeric_words().headers; }

// Where the parts of a title line "<show> by <outlet> - <episode>" are, in bytes.
struct Credit {
    std::size_t outlet_begin, outlet_end;  // the outlet's words
    std::size_t title_begin;               // the episode's title, to the end of the line
};

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
        for (std::size_t at = 0; at <= d_.bytes.size();) {
            const auto [l, next] = line_from(d_.bytes, at);
            at = next;
            if (l.begin >= kTopBytes || seen >= kTopLines) break;
            const std::string_view text = trim(std::string_view(d_.bytes).substr(l.begin, l.end - l.begin));
            if (text.empty()) continue;
            ++seen;
            if (auto day = date_on(l, text.size())) return day;
        }
        return std::nullopt;
    }

    // The first day on the first top line keyed with role `r` that writes one ("Episode Date:
    // October 24, 2024"); `found` says whether any top line is keyed with it.
    struct Keyed {
        bool found = false;
        std::optional<Day> day;
    };
    Keyed keyed(HeaderRole r) const {
        Keyed k;
        const std::string_view bytes = d_.bytes;
        std::size_t at = 0;
        for (int n = 0; n < kKeyedLines && at < bytes.size(); ++n, ++at) {  // lines_of() would split them all
            const std::size_t nl = std::min(bytes.find('\n', at), bytes.size());
            const auto [b, e] = tokens_of(Line{at, nl});
            at = nl;
            const auto m = header_keys().match(t_, b, e);
            if (!m || *m->value != r) continue;
            k.found = true;
            for (const DateMention& dm : find_dates(t_, b + m->length, e, std::nullopt))
                if (dm.range.first == dm.range.last) return {true, dm.range.first};
        }
        return k;
    }

    // Line `l` read as "<show> by <outlet> - <episode>": a credit word and then a dash, each
    // with a space on both sides.
    std::optional<Credit> credit(const Line& l) const {
        const auto [b, e] = tokens_of(l);
        std::optional<std::size_t> by, dash;  // the credit's last token, the dash
        for (std::size_t i = b + 1; i < e; ++i) {
            if (!t_[i].space_before) continue;
            if (!dash && t_[i].text == "-" && i + 1 < e && t_[i + 1].space_before) dash = i;
            const auto m = header_keys().match(t_, i, e);
            if (!by && m && *m->value == HeaderRole::Credit && i + m->length < e && t_[i + m->length].space_before)
                by = i + m->length - 1;
        }
        if (!by || !dash || *by > *dash) return std::nullopt;
        return Credit{t_[*by].span.end, t_[*dash].span.begin, t_[*dash].span.end + 1};
    }

    // The outlet named after the last footer key in the last bytes ("Source: CNN").
    std::optional<std::string_view> footer() const {
        const std::string_view b = d_.bytes;
        const std::size_t tail = b.size() > kFooterBytes ? b.size() - kFooterBytes : 0;
        for (std::size_t i = t_.size(); i-- > 0 && t_[i].span.begin >= tail;) {
            const auto m = header_keys().match(t_, i, t_.size());
            if (!m || *m->value != HeaderRole::Source) continue;
            const std::size_t from = t_[i + m->length - 1].span.end;
            const auto eol = b.find('\n', from);
            return b.substr(from, (eol == std::string_view::npos ? b.size() : eol) - from);
        }
        return std::nullopt;
    }

    // The first day after a recording key in a sentence near the top ("this episode was
    // recorded ... on Tuesday, the 22nd of October, 2024").
    std::optional<Day> recorded() const {
        for (const Sentence& s : d_.sentences) {
            if (s.span.begin > kRecordedBytes) break;
            for (std::size_t i = s.tok_begin; i < s.tok_end; ++i) {
                const auto m = header_keys().match(t_, i, s.tok_end);
                if (!m || *m->value != HeaderRole::Recorded) continue;
                for (const DateMention& dm : find_dates(t_, i, s.tok_end, std::nullopt))
                    if (dm.range.first == dm.range.last) return dm.range.first;
            }
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

std::string outlet_in(std::string_view text, const Gazetteer& g) {
    const TokenStream ts = tokenize(text);
    for (std::size_t i = 0; i < ts.tokens.size(); ++i)
        if (auto m = g.sources.match(ts.tokens, i, ts.tokens.size()); m && m->value->kind == SourceKind::Outlet)
            return m->value->id;
    return {};
}

}  // namespace

// The turns of speech a transcript marks: sentences a new speaker label opens ("KIRBY:"), and
// lines of its first kilobytes that open with a timestamp ("00:13").
std::size_t speaker_turns(const Document& d) {
    std::size_t turns = 0;
    const std::string* last = nullptr;
    for (const Sentence& s : d.sentences)
        if (!s.speaker.empty() && (!last || *last != s.speaker)) ++turns, last = &s.speaker;
    for (std::size_t at = 0; at < std::min(d.bytes.size(), kTopBytes);) {
        const auto [l, next] = line_from(d.bytes, at);
        at = next;
        if (timestamp_prefix(std::string_view(d.bytes).substr(l.begin, l.end - l.begin)) > 0) ++turns;
    }
    return turns;
}

// Title, outlet, dates and kind from the header and the host's introduction.
DocumentMeta read_meta(const Document& d, const Gazetteer& g) {
    DocumentMeta m;
    const std::string_view b = d.bytes;
    const Masthead top(d);
    for (std::size_t at = 0; at <= b.size();) {
        const auto [l, next] = line_from(b, at);
        at = next;
        const std::string_view line = trim(b.substr(l.begin, l.end - l.begin));
        if (line.empty() || line.size() > kTitleBytes || !top.may_be_title(l)) continue;
        m.title = line;
        if (const auto c = top.credit(l)) {
            m.outlet = outlet_in(b.substr(c->outlet_begin, c->outlet_end - c->outlet_begin), g);
            m.title = line.substr(c->title_begin - static_cast<std::size_t>(line.data() - b.data()));
            m.kind = DocKind::Transcript;
        }
        break;
    }
    if (const auto episode = top.keyed(HeaderRole::EpisodeDate); episode.found) {
        m.published = episode.day;
        m.kind = DocKind::Transcript;
    }
    if (!m.published) m.published = top.keyed(HeaderRole::Published).day;
    if (!m.published) m.published = top.publication_date();
    if ((m.recorded = top.recorded())) m.kind = DocKind::Transcript;
    if (const auto source = top.footer(); source && m.outlet.empty()) m.outlet = outlet_in(*source, g);
    if (!m.kind) {
        const bool subtitles = b.starts_with("WEBVTT") || b.substr(0, 2000).find("-->") != std::string_view::npos;
        m.kind = subtitles || top.keyed(HeaderRole::Spoken).found || speaker_turns(d) >= kTranscriptTurns
                     ? DocKind::Transcript
                     : DocKind::Article;
    }
    return m;
}

}  // namespace nkclaims
