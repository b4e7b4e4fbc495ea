// read_file (ingest.hpp): a file's bytes, from regular files only.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "nkclaims/error.hpp"
#include "nkclaims/ingest.hpp"

namespace nkclaims {

namespace {

// What a path that is not a regular file is, for the error that refuses it.
const char* not_a_file(mode_t mode) {
    if (S_ISDIR(mode)) return "is a folder, not a file";
    if (S_ISFIFO(mode)) return "is a pipe (FIFO), not a regular file";
    if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, not a regular file";
    if (S_ISSOCK(mode)) return "is a socket, not a regular file";
    return "is not a regular file";
}

}  // namespace

std::string read_file(const std::filesystem::path& p) {
    // Only regular files: a FIFO would block the open until a writer comes, /dev/zero never
    // ends. Looked at before the open, and again on what was opened (O_NONBLOCK: a FIFO put in
    // the file's place in between does not block the open either).
    struct stat st {};
    if (::stat(p.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) throw InputError(p.string(), not_a_file(st.st_mode));
    // open, fstat, read: a corpus of small files spends as much in system calls as in reading.
    const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) throw InputError(p.string(), fmt::format("cannot read file: {}", std::strerror(errno)));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::fstat(fd, &st) != 0) throw InputError(p.string(), fmt::format("cannot read file: {}", std::strerror(errno)));
    if (!S_ISREG(st.st_mode)) throw InputError(p.string(), not_a_file(st.st_mode));
    // A document is read whole and tokenized (~15 bytes of tokens a byte): past this, refuse
    // rather than exhaust memory. Transcripts and articles are kilobytes.
    const auto size = static_cast<std::uintmax_t>(st.st_size);
    if (size > kMaxFileBytes)
        throw InputError(p.string(), fmt::format("file too large ({} MB; the limit is {} MB): split it", size >> 20,
                                                 kMaxFileBytes >> 20));
    std::string bytes(size + 1, '\0');  // +1: sees the end in one read
    std::size_t used = 0;
    for (;;) {
        if (used == bytes.size()) {
            if (used > kMaxFileBytes) throw InputError(p.string(), "file too large: split it");
            bytes.resize(bytes.size() * 2);
        }
        const ssize_t n = ::read(fd, bytes.data() + used, bytes.size() - used);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw InputError(p.string(), "read error");
        if (n == 0) break;
        used += static_cast<std::size_t>(n);
    }
    bytes.resize(used);
    return bytes;
}

}  // namespace nkclaims
