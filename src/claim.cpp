#include "nkclaims/claim.hpp"

#include <array>
#include <cstring>
#include <utility>

namespace nkclaims {
namespace {

constexpr std::array<std::string_view, 2> kKinds{"figure", "stance"};
constexpr std::array<std::string_view, 11> kMetrics{"troops",     "engineers", "workers", "personnel",
                                                    "casualties", "missiles",  "shells",  "strikes",
                                                    "equipment",  "killed",    "wounded"};
constexpr std::array<std::string_view, 5> kPhases{"deployed", "planned", "total", "supplied", "destroyed"};
constexpr std::array<std::string_view, 3> kStances{"denies", "unconfirmed", "confirms"};
constexpr std::array<std::string_view, 4> kAbouts{"deployment", "combat", "casualties", "figure"};

// The E whose name is `s`. Each comparison has the name's length as a constant, so that it
// compiles to a few loads instead of a call: the store parses four names for each claim read.
template <class E, const auto& Names, std::size_t... I>
std::optional<E> find_name(std::string_view s, std::index_sequence<I...>) {
    std::optional<E> found;
    (void)((s.size() == Names[I].size() && std::memcmp(s.data(), Names[I].data(), Names[I].size()) == 0 &&
            (found = static_cast<E>(I), true)) ||
           ...);
    return found;
}

template <class E, const auto& Names>
std::optional<E> find_name(std::string_view s) {
    return find_name<E, Names>(s, std::make_index_sequence<Names.size()>{});
}

}  // namespace

bool is_people(Metric m) {
    return m == Metric::Troops || m == Metric::Engineers || m == Metric::Workers || m == Metric::Personnel;
}

bool is_materiel(Metric m) { return m == Metric::Missiles || m == Metric::Shells || m == Metric::Equipment; }

bool is_loss(Metric m) { return m == Metric::Killed || m == Metric::Wounded || m == Metric::Casualties; }

std::string voice_of(const Claim& c) { return c.via.empty() ? c.source : c.source + " via " + c.via; }

std::string_view to_string(ClaimKind k) { return kKinds[static_cast<std::size_t>(k)]; }
std::string_view to_string(Metric m) { return kMetrics[static_cast<std::size_t>(m)]; }
std::string_view to_string(Phase p) { return kPhases[static_cast<std::size_t>(p)]; }
std::string_view to_string(Stance s) { return kStances[static_cast<std::size_t>(s)]; }
std::string_view to_string(About a) { return kAbouts[static_cast<std::size_t>(a)]; }
std::optional<Metric> parse_metric(std::string_view s) { return find_name<Metric, kMetrics>(s); }

namespace {
template <std::size_t N>
std::string joined(const std::array<std::string_view, N>& names) {
    std::string out;
    for (std::string_view n : names) out.append(out.empty() ? "" : ", ").append(n);
    return out;
}
}  // namespace

std::string metric_names() { return joined(kMetrics); }
std::string phase_names() { return joined(kPhases); }
std::optional<Phase> parse_phase(std::string_view s) { return find_name<Phase, kPhases>(s); }
std::optional<Stance> parse_stance(std::string_view s) { return find_name<Stance, kStances>(s); }
std::optional<About> parse_about(std::string_view s) { return find_name<About, kAbouts>(s); }
std::optional<ClaimKind> parse_kind(std::string_view s) { return find_name<ClaimKind, kKinds>(s); }

}  // namespace nkclaims
