// SPDX-License-Identifier: Apache-2.0
// Damaged CFF input: empty, truncated, patched, random and mutated bytes are rejected with an
// error (or convert to a font that parses), and never crash.
#include "fonts/cff.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "unit/cff_fixture.hpp"

using namespace hongtou::test;
namespace cff = hongtou::fonts::cff;

TEST_CASE("cff: empty input is rejected with an error", "[cff]") {
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  CHECK_FALSE(cff::parse(nullptr, 0, info, error));
  CHECK_FALSE(error.empty());
  error.clear();
  CHECK_FALSE(cff::to_cid_keyed(nullptr, 0, out, error));
  CHECK_FALSE(error.empty());
}

TEST_CASE("cff: every truncation is rejected with an error", "[cff]") {
  const std::vector<std::vector<uint8_t>> fonts = {synthetic_name_keyed_font(),
                                                   fandol_subset_cff()};
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  for (const auto& bytes : fonts) {
    // Every proper prefix cuts some structure short; copies let ASan see reads past the end.
    for (size_t length = 0; length < bytes.size(); ++length) {
      INFO("truncated to " << length << " of " << bytes.size() << " bytes");
      const std::vector<uint8_t> cut(bytes.begin(), bytes.begin() + static_cast<long>(length));
      error.clear();
      REQUIRE_FALSE(cff::parse(cut.data(), cut.size(), info, error));
      REQUIRE_FALSE(error.empty());
      error.clear();
      REQUIRE_FALSE(cff::to_cid_keyed(cut.data(), cut.size(), out, error));
      REQUIRE_FALSE(error.empty());
    }
  }
}

TEST_CASE("cff: damaged header and INDEX are rejected with an error", "[cff]") {
  const std::vector<uint8_t> bytes = synthetic_name_keyed_font();
  // Version 2 (CFF2), hdrSize 3, Name INDEX offSize 0 and 5 (byte 6), first offset not 1.
  const std::vector<std::pair<size_t, uint8_t>> patches = {{0, 2}, {2, 3}, {6, 0}, {6, 5}, {8, 0}};
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  for (const auto& [at, value] : patches) {
    INFO("byte " << at << " set to " << int{value});
    std::vector<uint8_t> bad = bytes;
    bad[at] = value;
    error.clear();
    CHECK_FALSE(cff::parse(bad.data(), bad.size(), info, error));
    CHECK_FALSE(error.empty());
    error.clear();
    CHECK_FALSE(cff::to_cid_keyed(bad.data(), bad.size(), out, error));
    CHECK_FALSE(error.empty());
  }
}

TEST_CASE("cff: garbage and mutated fonts never crash", "[cff]") {
  std::mt19937 random(/*seed=*/9704);
  std::uniform_int_distribution<int> byte(0, 255);
  cff::cff_info info;
  std::vector<uint8_t> out;
  std::string error;
  for (int round = 0; round < 2000; ++round) {
    std::vector<uint8_t> garbage(static_cast<size_t>(round % 300));
    for (auto& b : garbage) b = static_cast<uint8_t>(byte(random));
    if (garbage.size() >= 4 && round % 2 == 0) {
      garbage[0] = 1;  // past the header check, into the INDEXes
      garbage[2] = 4;
    }
    error.clear();
    CHECK_FALSE(cff::parse(garbage.data(), garbage.size(), info, error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(cff::to_cid_keyed(garbage.data(), garbage.size(), out, error));
  }

  const std::vector<std::vector<uint8_t>> fonts = {synthetic_name_keyed_font(),
                                                   fandol_subset_cff()};
  for (const auto& bytes : fonts) {
    std::uniform_int_distribution<size_t> position(0, bytes.size() - 1);
    for (int round = 0; round < 3000; ++round) {
      std::vector<uint8_t> mutated = bytes;
      for (int k = 0; k <= round % 4; ++k)
        mutated[position(random)] = static_cast<uint8_t>(byte(random));
      error.clear();
      if (!cff::parse(mutated.data(), mutated.size(), info, error)) CHECK_FALSE(error.empty());
      error.clear();
      if (cff::to_cid_keyed(mutated.data(), mutated.size(), out, error)) {
        REQUIRE(cff::parse(out.data(), out.size(), info, error));
        CHECK(info.cid_keyed);
      } else {
        CHECK_FALSE(error.empty());
      }
    }
  }
}
