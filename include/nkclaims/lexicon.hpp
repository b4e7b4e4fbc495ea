// Word and phrase tables matched on tokens: the lowest layer of the vocabulary. The number and
// date parsers, the sentence splitter, the gazetteer and the rules all look words up through
// these, so this header depends on nothing but tokens.
#pragma once

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "nkclaims/tokens.hpp"

namespace nkclaims {

// Hashes words with word_hash(); a HashedWord (a token) brings its hash along.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return word_hash(s); }
    std::size_t operator()(const HashedWord& w) const { return w.hash; }
};
struct WordEqual {
    using is_transparent = void;
    template <class A, class B>
    bool operator()(const A& a, const B& b) const {
        return text(a) == text(b);
    }
    static std::string_view text(std::string_view s) { return s; }
    static std::string_view text(const HashedWord& w) { return w.text; }
};
// Which first words may be present, by 12 bits of their hash: a miss (most tokens) costs one
// bit test instead of a hash table probe.
class WordFilter {
public:
    void add(std::uint64_t h) { bits_.set(bit(h)); }
    bool may_contain(std::uint64_t h) const { return bits_.test(bit(h)); }

private:
    // FNV-1a's top bits are poorly spread over short words, so the hash is mixed first
    // (Fibonacci hashing): on real text, more than twice as many tokens passed the filter of
    // the sources' first words as with the mixed bits.
    static std::size_t bit(std::uint64_t h) { return static_cast<std::size_t>((h * 0x9E3779B97F4A7C15ull) >> 52); }
    std::bitset<4096> bits_;
};

// A set of words, looked up by token without hashing again. The words are views: they must
// outlive the set (string literals, or strings a Lexicon owns).
class WordSet {
public:
    WordSet() = default;
    WordSet(std::initializer_list<std::string_view> words) {
        for (auto w : words) insert(w);
    }
    void insert(std::string_view w) {
        words_.insert(w);
        filter_.add(word_hash(w));
    }
    bool contains(const HashedWord& w) const { return filter_.may_contain(w.hash) && words_.contains(w); }
    bool contains(std::string_view w) const { return contains(HashedWord(w)); }

private:
    std::unordered_set<std::string_view, WordHash, WordEqual> words_;
    WordFilter filter_;
};

// A phrase table matched against tokens, longest phrase first, ignoring case. A phrase written
// in capitals ("US", "NIS", "UN") matches only capitals, so that "us" is left alone; a phrase
// marked with a leading '=' ("=Town") matches only as written.
//
// The phrases form a trie of words: a match walks one node per token and compares hashes the
// tokens carry, so a common first word ("South", "Ukraine's", with every office and alias it
// starts) costs as much as a rare one.
template <class T>
class Lexicon {
public:
    struct Match {
        std::size_t length;  // tokens covered
        const T* value;
    };

    // Adds a phrase; a phrase of no tokens is ignored. A phrase added twice keeps both values,
    // and the first one added is the one matched.
    void add(std::string_view phrase, T value) {
        const bool marked = !phrase.empty() && phrase.front() == '=';
        if (marked) phrase.remove_prefix(1);
        const TokenStream words = tokenize(phrase);
        if (words.tokens.empty()) return;
        Entry e{{}, std::move(value)};
        const bool capitals =
            marked || (std::any_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'A' && c <= 'Z'; }) &&
                       std::none_of(phrase.begin(), phrase.end(), [](char c) { return c >= 'a' && c <= 'z'; }));
        if (capitals)
            for (const Token& t : words.tokens) e.exact.emplace_back(t.text);
        first_words_.add(words.tokens.front().hash);
        std::uint32_t node = root_child(words.tokens.front().norm);
        for (std::size_t k = 1; k < words.tokens.size(); ++k) node = child(node, words.tokens[k].norm);
        nodes_[node].entries.push_back(std::move(e));
    }

    // Whether some entry may start with token t: a bit test that turns most tokens away
    // (a match() does it first too; callers that try several tables test them all at once).
    bool may_start(const Token& t) const { return first_words_.may_contain(t.hash); }

    // The longest entry that starts at tokens[i] and ends before `end`.
    std::optional<Match> match(const std::vector<Token>& tokens, std::size_t i, std::size_t end) const {
        if (i >= end || !first_words_.may_contain(tokens[i].hash)) return std::nullopt;
        return match_listed(tokens, i, end);
    }

private:
    // match() past the filter, kept out of line so that the filter test, which turns most
    // tokens away, is inlined where match() is called. Walks the trie as far as the tokens
    // follow it; the deepest node with an entry whose case fits is the match.
    [[gnu::noinline]] std::optional<Match> match_listed(const std::vector<Token>& tokens, std::size_t i,
                                                        std::size_t end) const {
        auto it = first_.find(HashedWord(tokens[i]));
        if (it == first_.end()) return std::nullopt;
        std::optional<Match> best;
        std::uint32_t node = it->second;
        for (std::size_t length = 1;; ++length) {
            for (const Entry& e : nodes_[node].entries)
                if (case_fits(e, tokens, i)) {
                    best = Match{length, &e.value};
                    break;
                }
            if (i + length >= end) break;
            const auto next = find_child(node, tokens[i + length]);
            if (!next) break;
            node = *next;
        }
        return best;
    }

    struct Entry {
        std::vector<std::string> exact;  // the original words, when case matters
        T value;
    };
    struct Node {
        std::string word;  // the normalized word that leads here
        std::uint64_t hash;
        std::vector<std::uint32_t> children;
        std::vector<Entry> entries;  // phrases that end here, first added first
    };

    static bool case_fits(const Entry& e, const std::vector<Token>& tokens, std::size_t i) {
        for (std::size_t k = 0; k < e.exact.size(); ++k)
            if (tokens[i + k].text != e.exact[k]) return false;
        return true;
    }
    std::optional<std::uint32_t> find_child(std::uint32_t node, const Token& t) const {
        for (std::uint32_t c : nodes_[node].children)
            if (nodes_[c].hash == t.hash && nodes_[c].word == t.norm) return c;
        return std::nullopt;
    }
    std::uint32_t new_node(std::string_view word) {
        nodes_.push_back(Node{std::string(word), word_hash(word), {}, {}});
        return static_cast<std::uint32_t>(nodes_.size() - 1);
    }
    std::uint32_t root_child(std::string_view word) {
        auto it = first_.find(HashedWord(word));
        if (it != first_.end()) return it->second;
        const std::uint32_t n = new_node(word);
        first_.emplace(std::string(word), n);
        return n;
    }
    std::uint32_t child(std::uint32_t node, std::string_view word) {
        for (std::uint32_t c : nodes_[node].children)
            if (nodes_[c].word == word) return c;
        const std::uint32_t n = new_node(word);
        nodes_[node].children.push_back(n);
        return n;
    }

    // Keyed by the first word; looked up by string_view without building a string.
    struct KeyHash : WordHash {
        using WordHash::operator();
        std::size_t operator()(const std::string& s) const { return word_hash(s); }
    };
    struct KeyEqual : WordEqual {
        using WordEqual::operator();
        bool operator()(const std::string& a, const HashedWord& b) const { return a == b.text; }
        bool operator()(const HashedWord& a, const std::string& b) const { return a.text == b; }
        bool operator()(const std::string& a, const std::string& b) const { return a == b; }
    };
    std::unordered_map<std::string, std::uint32_t, KeyHash, KeyEqual> first_;
    std::vector<Node> nodes_;
    WordFilter first_words_;
};

}  // namespace nkclaims
