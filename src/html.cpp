#include "nkclaims/html.hpp"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <memory>
#include <set>
#include <unordered_map>
#include <vector>

#include "nkclaims/error.hpp"

namespace nkclaims {

namespace {

bool skipped_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_HEAD:
        case GUMBO_TAG_TITLE:
        case GUMBO_TAG_SCRIPT:
        case GUMBO_TAG_STYLE:
        case GUMBO_TAG_NOSCRIPT:
        case GUMBO_TAG_TEMPLATE:
        case GUMBO_TAG_NAV:
        case GUMBO_TAG_HEADER:
        case GUMBO_TAG_FOOTER:
        case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_FORM:
        case GUMBO_TAG_IFRAME:
        case GUMBO_TAG_SVG:
        case GUMBO_TAG_MATH:
        case GUMBO_TAG_BUTTON:
        case GUMBO_TAG_SELECT:
        case GUMBO_TAG_TEXTAREA:
        case GUMBO_TAG_OBJECT:
        case GUMBO_TAG_EMBED:
        case GUMBO_TAG_CANVAS:
        case GUMBO_TAG_VIDEO:
        case GUMBO_TAG_AUDIO:
        case GUMBO_TAG_MENU:

            return true;
        default:
            return false;
    }
}

bool block_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_P:
        case GUMBO_TAG_DIV:
        case GUMBO_TAG_SECTION:
        case GUMBO_TAG_ARTICLE:
        case GUMBO_TAG_MAIN:
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
        case GUMBO_TAG_LI:
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
        case GUMBO_TAG_DL:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
        case GUMBO_TAG_TABLE:
        case GUMBO_TAG_TR:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_BLOCKQUOTE:
        case GUMBO_TAG_PRE:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_HR:
        case GUMBO_TAG_ADDRESS:
        case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_SUMMARY:
        case GUMBO_TAG_CENTER:
        case GUMBO_TAG_BODY:
            return true;
        default:
            return false;
    }
}

std::string_view attr(const GumboNode* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT) return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? std::string_view(a->value) : std::string_view();
}

const GumboVector& children(const GumboNode* n) {
    static const GumboVector none{nullptr, 0, 0};
    if (n->type == GUMBO_NODE_ELEMENT) return n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
    return none;
}

bool is_text(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

// Visits every node below `root` in document order, without recursion (a page nested a
// million deep is still read). `enter` returns false to skip a node's children; `leave` is
// called after them.
template <class Enter, class Leave>
void walk(const GumboNode* root, Enter enter, Leave leave) {
    std::vector<std::pair<const GumboNode*, unsigned>> stack;
    if (enter(root)) stack.emplace_back(root, 0);
    while (!stack.empty()) {
        auto& [node, next] = stack.back();
        const GumboVector& kids = children(node);
        if (next >= kids.length) {
            leave(node);
            stack.pop_back();
            continue;
        }
        const auto* child = static_cast<const GumboNode*>(kids.data[next++]);
        if (enter(child)) stack.emplace_back(child, 0);
    }
}

// Whether one of the words of an attribute value ("share-bar main") is a furniture word.
bool furniture_words(std::string_view value, const Gazetteer& g) {
    std::size_t at = 0;
    while (at < value.size()) {
        const std::size_t end = std::min(value.size(), value.find_first_of(" \t\n-_", at));
        if (end > at) {
            const TokenStream ts = tokenize(value.substr(at, end - at));
            if (ts.tokens.size() == 1 && g.page_furniture.match(ts.tokens, 0, 1)) return true;
        }
        at = end + 1;
    }
    return false;
}

// No list of parse errors: each error keeps a copy of the open elements, and a broken page
// nested deep would fill memory with them.
GumboOptions options() {
    GumboOptions o = kGumboDefaultOptions;
    o.max_errors = 0;
    return o;
}
const GumboOptions kOptions = options();

// The parser looks through its open elements at each start tag: a page nested thousands deep
// costs the square of its depth. This bounds that work (about half a second).
constexpr std::uint64_t kMaxNestingWork = 100'000'000;

// Void elements and those the next one closes: they leave the nesting as it was.
bool flat_tag(std::string_view name) {
    static const std::set<std::string_view> flat{"br",  "img",   "hr",     "meta",   "link", "input", "area", "base",
                                                 "col", "embed", "source", "track",  "wbr",  "param", "p",    "li",
                                                 "td",  "th",    "tr",     "option", "dt",   "dd"};
    return flat.contains(name);
}

// Counts, before parsing, the open elements the parser will look through: the depth before each
// start tag, summed. Throws InputError when the page is nested too deep to read.
void check_nesting(const std::string& name, std::string_view b) {
    std::uint64_t depth = 0, deepest = 0, work = 0;
    for (std::size_t i = b.find('<'); i != std::string_view::npos && i + 1 < b.size(); i = b.find('<', i + 1)) {
        const bool closing = b[i + 1] == '/';
        std::size_t n = i + 1 + (closing ? 1 : 0);
        std::string tag;
        while (n < b.size() && tag.size() < 12 && std::isalnum(static_cast<unsigned char>(b[n])))
            tag += static_cast<char>(std::tolower(static_cast<unsigned char>(b[n++])));
        if (tag.empty() || !std::isalpha(static_cast<unsigned char>(tag[0])) || flat_tag(tag)) continue;
        if (closing) {
            depth -= depth > 0 ? 1 : 0;
            continue;
        }
        work += depth++;
        deepest = std::max(deepest, depth);
        if (work > kMaxNestingWork)
            throw InputError(name, fmt::format("web page nested too deeply to read (tags {} deep)", deepest));
    }
}

class HtmlReader {
public:
    HtmlReader(std::string_view bytes, const Gazetteer& g)
        : bytes_(bytes),
          g_(g),
          out_(gumbo_parse_with_options(&kOptions, bytes.data(), bytes.size()),
               [](GumboOutput* o) { gumbo_destroy_output(&kOptions, o); }) {}

    Page read() {
        Page page{SourceText(bytes_), {}};
        measure();
        const GumboNode* root = article_root();
        walk(
            root, [&](const GumboNode* n) { return enter(n, root, page.source); },
            [&](const GumboNode* n) {
                if (n->type == GUMBO_NODE_ELEMENT && block_tag(n->v.element.tag))
                    page.source.end_line(n->v.element.end_pos.offset, 2);
            });
        page.meta = metadata();
        return page;
    }

private:
    bool enter(const GumboNode* n, const GumboNode* root, SourceText& text) {
        if (is_text(n)) {
            const GumboStringPiece& raw = n->v.text.original_text;
            if (raw.data >= bytes_.data() && raw.data + raw.length <= bytes_.data() + bytes_.size())
                text.flow(static_cast<std::size_t>(raw.data - bytes_.data()), raw.length);
            return false;
        }
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        if (n != root && furniture(n)) return false;
        const GumboTag tag = n->v.element.tag;
        if (tag == GUMBO_TAG_BR) text.end_line(n->v.element.start_pos.offset, 1);
        if (block_tag(tag)) text.end_line(n->v.element.start_pos.offset, 2);
        return true;
    }

    // Furniture: by its tag, hidden, or named so in class, id or role, when it holds less than
    // half the page's text (a wrapper called "page-with-sidebar" is not furniture).
    bool furniture(const GumboNode* n) const {
        if (skipped_tag(n->v.element.tag)) return true;
        if (gumbo_get_attribute(&n->v.element.attributes, "hidden") || attr(n, "aria-hidden") == "true") return true;
        for (const char* name : {"class", "id", "role"})
            if (furniture_words(attr(n, name), g_)) return text_length(n) * 2 < text_length(out_->root);
        return false;
    }

    // Text bytes below each element, outside furniture tags, in one pass.
    void measure() {
        walk(
            out_->root,
            [&](const GumboNode* n) {
                if (is_text(n)) length_[n->parent] += n->v.text.original_text.length;
                return n->type == GUMBO_NODE_ELEMENT && !skipped_tag(n->v.element.tag);
            },
            [&](const GumboNode* n) {
                if (n->parent) length_[n->parent] += length_[n];
            });
    }
    std::size_t text_length(const GumboNode* n) const {
        auto it = length_.find(n);
        return it == length_.end() ? 0 : it->second;
    }

    // The largest <article> outside furniture, else the largest <main>, else <body>.
    const GumboNode* article_root() const {
        const GumboNode* best[2] = {nullptr, nullptr};
        walk(
            out_->root,
            [&](const GumboNode* n) {
                if (n->type != GUMBO_NODE_ELEMENT || skipped_tag(n->v.element.tag)) return false;
                const int k = n->v.element.tag == GUMBO_TAG_ARTICLE ? 0 : n->v.element.tag == GUMBO_TAG_MAIN ? 1 : -1;
                if (k >= 0 && (!best[k] || text_length(n) > text_length(best[k]))) best[k] = n;
                return true;
            },
            [](const GumboNode*) {});
        if (best[0] && text_length(best[0]) > 0) return best[0];
        if (best[1] && text_length(best[1]) > 0) return best[1];
        return out_->root;
    }

    DocumentMeta metadata() const;

    std::string_view bytes_;
    const Gazetteer& g_;
    std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out_;
    std::unordered_map<const GumboNode*, std::size_t> length_;
};

// The value of "datePublished" in a JSON-LD block, read as text: the block may be any JSON.
std::string_view json_ld_date(std::string_view json) {
    const std::string_view key = "\"datePublished\"";
    const auto at = json.find(key);
    if (at == std::string_view::npos) return {};
    auto i = json.find_first_not_of(" \t\r\n", at + key.size());
    if (i == std::string_view::npos || json[i] != ':') return {};
    i = json.find_first_not_of(" \t\r\n", i + 1);
    if (i == std::string_view::npos || json[i] != '"') return {};
    const auto end = json.find('"', i + 1);
    return end == std::string_view::npos ? std::string_view() : json.substr(i + 1, end - i - 1);
}

std::string_view text_of(const GumboNode* n) {
    const GumboVector& kids = children(n);
    if (kids.length == 0) return {};
    const auto* first = static_cast<const GumboNode*>(kids.data[0]);
    return is_text(first) ? std::string_view(first->v.text.text) : std::string_view();
}

DocumentMeta HtmlReader::metadata() const {
    std::string_view og_title, title, site, dates[3];  // dates: by preference
    walk(
        out_->root,
        [&](const GumboNode* n) {
            if (n->type != GUMBO_NODE_ELEMENT) return false;
            const GumboTag tag = n->v.element.tag;
            const std::string_view key = attr(n, "property").empty() ? attr(n, "name") : attr(n, "property");
            if (tag == GUMBO_TAG_TITLE && title.empty()) title = text_of(n);
            if (tag == GUMBO_TAG_META && key == "og:title") og_title = attr(n, "content");
            if (tag == GUMBO_TAG_META && key == "og:site_name") site = attr(n, "content");
            if (tag == GUMBO_TAG_META && (key == "article:published_time" || attr(n, "itemprop") == "datePublished"))
                if (dates[0].empty()) dates[0] = attr(n, "content");
            if (tag == GUMBO_TAG_SCRIPT && attr(n, "type") == "application/ld+json" && dates[1].empty())
                dates[1] = json_ld_date(text_of(n));
            if (tag == GUMBO_TAG_TIME && dates[2].empty()) dates[2] = attr(n, "datetime");
            return true;
        },
        [](const GumboNode*) {});
    DocumentMeta m;
    m.kind = DocKind::Article;
    m.title = strip_site_tail(og_title.empty() ? title : og_title);
    if (!site.empty()) m.outlet = outlet_id(site, g_);
    for (std::string_view d : dates)
        if (!m.published && !d.empty()) m.published = page_day(d);
    return m;
}

}  // namespace

Page read_html(const std::string& name, std::string_view bytes, const Gazetteer& g) {
    check_nesting(name, bytes);
    return HtmlReader(bytes, g).read();
}

}  // namespace nkclaims
