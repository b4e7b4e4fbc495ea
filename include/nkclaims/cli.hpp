// The command line: every subcommand is one row of a table (name, one-line description, its
// options, its action). main() calls run() and maps errors to exit statuses.
#pragma once

#include <ostream>

namespace nkclaims {

// Exit statuses, as --help and docs/cli.md give them.
enum ExitStatus : int { kOk = 0, kFailed = 1, kUsage = 2, kConflictsFound = 3 };

// Runs nkclaims. Errors in one input are printed to `err` and make the status kFailed while the
// other inputs go on; errors that stop everything are thrown as nkclaims::Error.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace nkclaims
