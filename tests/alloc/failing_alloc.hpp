// SPDX-License-Identifier: Apache-2.0
#pragma once
// A countdown allocator for the failing-allocator test (alloc_fail_test.cpp),
// after pugixml's own tests: failing_alloc.cpp replaces the global operator
// new/new[] and delete of the executable it is linked into, and arm(n) makes
// the nth allocation from then on fail — std::bad_alloc from the throwing
// forms, nullptr from the nothrow ones and from pugixml (hook_pugixml), which
// reports that as out of memory. Only that one allocation fails; later ones
// succeed again, so the code that handles the failure can run.
//
// malloc is left alone: HarfBuzz, FreeType, libpng, ICU and glibc allocate
// with it, and failing those would exercise mostly code that has no failure
// path (glibc's and the libraries' internals), not ours. Our C++ allocations,
// pugixml's and libharu's (which the PDF writer routes through operator new,
// nothrow) are the ones the engine is responsible for.
#include <cstdint>

namespace hongtou::test::failing_alloc {

/// Makes the `n`th allocation from now fail (1: the next one); 0 disarms.
void arm(std::uint64_t n);
void disarm();

/// Whether the armed allocation has failed since the last arm().
bool fired();

/// Allocations (operator new in any form, and pugixml's) since reset_count(),
/// armed or not.
std::uint64_t count();
void reset_count();

/// Routes pugixml's allocations through the countdown.
void hook_pugixml();

}  // namespace hongtou::test::failing_alloc
