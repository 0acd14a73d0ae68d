// SPDX-License-Identifier: Apache-2.0
#pragma once
// Catch2's test macros, from v3's header when it is installed, else v2's
// single header (Debian 12 ships Catch2 2.13).
#if __has_include(<catch2/catch_test_macros.hpp>)
#include <catch2/catch_test_macros.hpp>
#else
#include <catch2/catch.hpp>
#endif
