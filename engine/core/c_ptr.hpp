// SPDX-License-Identifier: Apache-2.0
#pragma once
// Owning pointers to objects of C libraries (fontconfig, HarfBuzz, libharu):
//   c_ptr<hb_blob_t, hb_blob_destroy> blob(hb_blob_create_from_file(path));
#include <memory>

namespace hongtou {

/// Deleter calling the C library's free function (not called for nullptr).
template <auto Free>
struct free_with {
  template <class T>
  void operator()(T* p) const {
    if (p) Free(p);
  }
};

/// unique_ptr that frees with the given C function.
template <class T, auto Free>
using c_ptr = std::unique_ptr<T, free_with<Free>>;

}  // namespace hongtou
