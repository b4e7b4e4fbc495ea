// Room for large arrays: a million claims' facts or a report's claims are tens of megabytes,
// and faulting them in 4 KB at a time was a tenth of a conflicts run.
#pragma once

#include <cstddef>
#include <vector>

namespace nkclaims {

// Asks the kernel to back the untouched memory [p, p + bytes) with 2 MB pages: it then faults
// in a few hundred times instead of tens of thousands. Only advice: where transparent huge
// pages are off, nothing changes.
void prefer_huge_pages(void* p, std::size_t bytes);

// Reserves room for n elements in an empty vector, on huge pages where the kernel has them.
template <typename T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    prefer_huge_pages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace nkclaims
