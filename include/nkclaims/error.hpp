// The one error hierarchy of nkclaims. Every error names the file it is about; main() catches
// them once and prints `nkclaims: error: FILE: what`. Expected misses (a sentence without a
// figure, a phrase that is not a date) are std::optional, never exceptions.
#pragma once

#include <stdexcept>
#include <string>

namespace nkclaims {

// Base of all nkclaims errors: a file (or "-" for none) and what is wrong with it.
class Error : public std::runtime_error {
public:
    Error(std::string file, const std::string& what) : std::runtime_error(what), file_(std::move(file)) {}
    const std::string& file() const { return file_; }
    // The line main() prints: "FILE: what".
    std::string message() const { return file_ + ": " + what(); }

private:
    std::string file_;
};

// A document that cannot be read as text: missing, empty, binary, not UTF-8.
class InputError : public Error {
    using Error::Error;
};

// A manifest or rule file (data/) that is not what it must be.
class ConfigError : public Error {
    using Error::Error;
};

// The database cannot be opened, read or written.
class StoreError : public Error {
    using Error::Error;
};

// The command line asks for something that does not exist (exit status 2).
class UsageError : public Error {
    using Error::Error;
};

}  // namespace nkclaims
