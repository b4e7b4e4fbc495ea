#include "nkclaims/usage.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <optional>
#include <vector>

#include "nkclaims/suggest.hpp"

namespace nkclaims {
namespace {

// The names a mistyped `word` may have meant, among `app`'s subcommands or options.
std::vector<std::string> names_in(const CLI::App& app, bool subcommands) {
    std::vector<std::string> names;
    if (subcommands)
        for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
            names.push_back(sub->get_name());
    else
        for (const CLI::Option* opt : app.get_options())
            for (const auto& n : opt->get_lnames()) names.push_back("--" + n);
    return names;
}

// The first word of the command line that names no command or option of where it stands, said
// with the closest name there is: "unknown command 'claim' (did you mean claims?)".
std::optional<std::string> unknown_word(const CLI::App& app, int argc, const char* const* argv) {
    const CLI::App* scope = &app;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--") return std::nullopt;
        const bool option = arg.size() > 1 && arg[0] == '-' && !std::isdigit(static_cast<unsigned char>(arg[1]));
        if (option) {
            const std::string name = arg.substr(0, arg[1] == '-' ? arg.find('=') : 2);
            const auto options = scope->get_options([&](const CLI::Option* opt) { return opt->check_name(name); });
            if (options.empty())
                return fmt::format("unknown option {}{}", name, did_you_mean(name, names_in(*scope, false)));
            const bool joined = arg[1] == '-' ? arg.find('=') != std::string::npos : arg.size() > 2;
            if (!joined && options.front()->get_items_expected_min() > 0) ++i;  // its value
        } else if (scope == &app) {
            const auto commands = names_in(app, true);
            if (std::find(commands.begin(), commands.end(), arg) == commands.end()) {
                const std::string hint = did_you_mean(arg, commands);
                return fmt::format("unknown command '{}'{}", arg,
                                   hint.empty() ? fmt::format(" (commands: {})", fmt::join(commands, ", ")) : hint);
            }
            scope = app.get_subcommand(arg);
        }
    }
    return std::nullopt;
}

}  // namespace

std::string usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, const char* const* argv) {
    if (auto word = unknown_word(app, argc, argv)) return *word;
    std::string what = e.what();
    if (what.starts_with("A subcommand is required"))
        return fmt::format("a subcommand is required ({})", fmt::join(names_in(app, true), ", "));
    if (!what.empty()) what[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(what[0])));
    return what;
}

}  // namespace nkclaims
