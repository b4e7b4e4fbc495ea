// What nkclaims says about a command line it cannot parse: one line after "nkclaims: error: ",
// naming the mistyped word and what it may have meant.
#pragma once

#include <string>

namespace CLI {
class App;
class ParseError;
}  // namespace CLI

namespace nkclaims {

// The message for CLI11's parse error `e` of `argv` against `app`: "unknown command 'claim' (did
// you mean claims?)", "unknown option --windw (did you mean --window?)", "a subcommand is required
// (ingest, extract, ...)", or CLI11's own message from a lowercase letter.
std::string usage_error(const CLI::App& app, const CLI::ParseError& e, int argc, const char* const* argv);

}  // namespace nkclaims
