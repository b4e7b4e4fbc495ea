// Writing the report folder: every file is written into a fresh temporary folder beside it,
// then put in place, so that a failed report leaves the old one as it was and a symlink planted
// in the folder is never written through.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>

#include "nkclaims/error.hpp"
#include "nkclaims/page.hpp"

namespace nkclaims {
namespace {

namespace fs = std::filesystem;

using Writer = void (*)(std::ostream&, const ReportInput&);
constexpr std::pair<const char*, Writer> kFiles[] = {
    {"index.html", write_html}, {"report.md", write_markdown_report}, {"report.json", write_json_report}};

// Creates `path` (which must not exist: never through a symlink) and writes `bytes` to it.
void write_new(const fs::path& path, const std::string& bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) throw Error(path.string(), fmt::format("cannot write: {}", std::strerror(errno)));
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            throw Error(path.string(), fmt::format("write failed: {}", std::strerror(err)));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0)
        throw Error(path.string(), fmt::format("write failed: {}", std::strerror(errno)));
}

// Whether `dir` holds nothing but a report's files: then the whole folder may be swapped.
bool only_report_files(const fs::path& dir) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        const auto name = entry.path().filename().string();
        bool ours = false;
        for (const auto& [file, write] : kFiles) ours = ours || name == file;
        if (!ours) return false;
    }
    return !ec;
}

// Puts the written folder `tmp` in the place of `target`.
void publish(const fs::path& tmp, const fs::path& target) {
    std::error_code ec;
    const auto st = fs::symlink_status(target, ec);
    if (!fs::exists(st)) {
        fs::rename(tmp, target, ec);
        if (ec) throw Error(target.string(), fmt::format("cannot write: {}", ec.message()));
        return;
    }
    if (!fs::is_directory(target)) throw Error(target.string(), "not a folder");
    if (fs::is_directory(st) && only_report_files(target) &&
        ::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
        fs::remove_all(tmp, ec);  // tmp now holds the old report
        return;
    }
    // A folder that holds other files too: each file replaced, once none of them can fail to be.
    for (const auto& [file, write] : kFiles)
        if (fs::is_directory(fs::symlink_status(target / file, ec)))
            throw Error((target / file).string(), "is a folder: the report cannot be written over it");
    for (const auto& [file, write] : kFiles) {
        fs::rename(tmp / file, target / file, ec);
        if (ec) throw Error((target / file).string(), fmt::format("cannot write: {}", ec.message()));
    }
    fs::remove(tmp, ec);
}

}  // namespace

void write_report_folder(const fs::path& dir, const ReportInput& in) {
    const fs::path target = dir.has_filename() ? dir : dir.parent_path();  // "out/" is "out"
    const fs::path parent = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(parent, ec);
    if (ec) throw Error(parent.string(), fmt::format("cannot create folder: {}", ec.message()));
    std::string name = (parent / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (!::mkdtemp(name.data())) throw Error(parent.string(), fmt::format("cannot write: {}", std::strerror(errno)));
    const fs::path tmp = name;
    try {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        fs::permissions(tmp, static_cast<fs::perms>(0777 & ~mask), ec);  // mkdtemp makes it 0700
        for (const auto& [file, write] : kFiles) {
            std::ostringstream bytes;
            write(bytes, in);
            write_new(tmp / file, bytes.str());
        }
        publish(tmp, target);
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

}  // namespace nkclaims
