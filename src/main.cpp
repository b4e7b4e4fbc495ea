// nkclaims: parse options, run, print, map errors to exit statuses.
#include <exception>
#include <iostream>

#include "nkclaims/cli.hpp"
#include "nkclaims/error.hpp"
#include "nkclaims/format.hpp"

int main(int argc, char** argv) {
    try {
        return nkclaims::run(argc, argv, std::cout, std::cerr);
    } catch (const nkclaims::UsageError& e) {
        std::cerr << nkclaims::error_line(e.message()) << '\n';
        return nkclaims::kUsage;
    } catch (const nkclaims::Error& e) {
        std::cerr << nkclaims::error_line(e.message()) << '\n';
        return nkclaims::kFailed;
    } catch (const std::exception& e) {
        std::cerr << nkclaims::error_line(e.what()) << '\n';
        return nkclaims::kFailed;
    }
}
