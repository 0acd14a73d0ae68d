// SPDX-License-Identifier: Apache-2.0
// One engine shared by 8 threads gives every sample the same bytes as
// rendering it alone (layouts and fonts are loaded once, behind a lock).
#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "support/engine_options.hpp"
#include "support/source.hpp"

namespace fs = std::filesystem;

TEST_CASE("8 threads sharing one engine render every sample byte for byte as one does",
          "[threads]") {
  std::vector<std::string> samples;
  for (const auto& e : fs::directory_iterator(hongtou::test::source_path("samples")))
    if (e.path().extension() == ".xml" && e.path().stem() != "report-template")
      samples.push_back(e.path().string());
  std::sort(samples.begin(), samples.end());
  REQUIRE(samples.size() >= 15);
  std::vector<std::string> xml;
  for (const auto& s : samples) xml.push_back(hongtou::test::read_file(s));

  std::vector<std::vector<uint8_t>> alone;
  {
    hongtou::engine eng(hongtou::test::test_engine_options());
    for (size_t i = 0; i < samples.size(); ++i) {
      const hongtou::render_result r = eng.render_memory(xml[i], samples[i]);
      INFO(samples[i]);
      REQUIRE(r.ok());
      alone.push_back(r.bytes);
    }
  }
  hongtou::engine shared(hongtou::test::test_engine_options());  // cold: the threads load it
  std::atomic<int> mismatches{0}, failures{0};
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (size_t k = 0; k < samples.size(); ++k) {
        const size_t i = (k + t * 3) % samples.size();  // each thread in its own order
        const hongtou::render_result r = shared.render_memory(xml[i], samples[i]);
        if (!r.ok())
          ++failures;
        else if (r.bytes != alone[i])
          ++mismatches;
      }
    });
  for (auto& th : threads) th.join();
  CHECK(failures == 0);
  CHECK(mismatches == 0);
}
