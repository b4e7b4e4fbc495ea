#include "nkclaims/memory.hpp"

#include <sys/mman.h>

#include <cstdint>

namespace nkclaims {

void prefer_huge_pages(void* p, std::size_t bytes) {
    constexpr std::uintptr_t kHuge = 2u << 20;
    const auto begin = (reinterpret_cast<std::uintptr_t>(p) + kHuge - 1) & ~(kHuge - 1);
    const auto end = (reinterpret_cast<std::uintptr_t>(p) + bytes) & ~(kHuge - 1);
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
}

}  // namespace nkclaims
