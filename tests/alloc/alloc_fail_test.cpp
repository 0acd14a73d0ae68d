// SPDX-License-Identifier: Apache-2.0
// The failing-allocator test: a render of samples/report.xml with its Nth
// allocation failing (failing_alloc.hpp: operator new, which libharu also
// allocates through, and pugixml) must end
// cleanly, over a sample of N from 1 to the allocations of one render:
//   - ok, with the very PDF of an unfailed render (the failure was absorbed), or
//   - status::internal_error with the diagnostic "out of memory" (engine.cpp's
//     guarded), or
//   - std::bad_alloc from the engine's constructor, which has no result to
//     carry it (a C++ constructor failing the C++ way);
// never a crash, an abort (std::terminate: bad_alloc escaping a noexcept
// function, a destructor or a C callback), a hang, any other result, or —
// in the ASan build — a leak. Then a normal render on a fresh engine in the
// same process must still give the same PDF (no half-built cache is left).
//
// Each trial is cold — a fresh hongtou::engine, so reading the layout and
// fonts.xml and loading the faces are covered — with the committed test
// fonts, and runs in a child process forked from a process that has not
// rendered yet: a crash or hang is reported for its N and the sweep goes on,
// every trial starts from the same state (so the count of the first, unfailed
// one holds for all), and in the ASan build LeakSanitizer checks each trial
// on its own.
//
//   hongtou_alloc_test                every N up to 300, then a spread: 400 points
//   hongtou_alloc_test --points=K     K points (ctest: tests/CMakeLists.txt)
//   hongtou_alloc_test --all          every N (the full sweep)
//   hongtou_alloc_test --only=N       one trial, in this process (for a debugger)
//   hongtou_alloc_test --range=A-B    every N from A to B, each in a child
//   --jobs=J (default: the cores), --timeout=S per trial (default 120)
#include <execinfo.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <new>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "alloc/failing_alloc.hpp"
#include "api/hongtou.hpp"
#include "support/engine_options.hpp"
#include "support/source.hpp"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

namespace {

namespace fa = hongtou::test::failing_alloc;

const char* const document = "samples/report.xml";

// A child's exit code: how its trial ended. Above the sanitizers' (1, 23) and
// the shell's small codes, so anything else is a crash.
enum outcome : int {
  ok_unfired = 40,         // N lies beyond the render's allocations
  ok_fired = 41,           // the allocation failed, the render still gave the PDF
  out_of_memory = 42,      // internal_error "out of memory"
  constructor_threw = 43,  // std::bad_alloc from hongtou::engine's constructor
  wrong_result = 50,       // any other result
  wrong_bytes = 51,        // ok, but not the PDF of an unfailed render
  broken_after = 52,       // a normal render afterwards failed or differed
  leaked = 53,             // LeakSanitizer found a leak (ASan build)
  no_reference = 54,       // the unfailed render itself failed
  hung = 55,               // killed after --timeout seconds (not an exit code)
  crashed = -1,            // any other exit code or a signal (not an exit code)
};

const char* describe(int code) {
  switch (code) {
    case ok_unfired:
      return "ok, N beyond the render's allocations";
    case ok_fired:
      return "ok, the failed allocation absorbed (same PDF)";
    case out_of_memory:
      return "internal_error \"out of memory\"";
    case constructor_threw:
      return "std::bad_alloc from the engine constructor";
    case wrong_result:
      return "FAILED: another result than ok or out of memory";
    case wrong_bytes:
      return "FAILED: ok but a different PDF";
    case broken_after:
      return "FAILED: a normal render afterwards broke";
    case leaked:
      return "FAILED: leak";
    case no_reference:
      return "FAILED: the unfailed render failed";
    case hung:
      return "FAILED: hang";
    default:
      return "FAILED: crash";
  }
}

bool clean(int code) {
  return code >= ok_unfired && code <= constructor_threw;
}

// FNV-1a: enough to tell two PDFs apart.
std::uint64_t hash(const std::vector<std::uint8_t>& bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::uint8_t b : bytes) h = (h ^ b) * 1099511628211ull;
  return h;
}

// What the unfailed render gave, measured by the first child.
struct reference {
  std::uint64_t allocations = 0;
  std::uint64_t hash = 0;
  int pages = 0;
};

// One cold render with allocation n failing (0: none). False when the
// engine's constructor threw std::bad_alloc. `allocations` counts from the
// engine's construction to the render's return; the engine is destroyed
// disarmed (a destructor that allocates is a bug of its own, not this test's).
bool cold_render(std::uint64_t n, const std::string& xml, const std::string& name,
                 hongtou::render_result& out, std::uint64_t& allocations) {
  hongtou::engine_options options = hongtou::test::test_engine_options();
  const hongtou::render_options render;
  fa::reset_count();
  fa::arm(n);
  try {
    hongtou::engine eng(std::move(options));  // moving allocates nothing
    out = eng.render_memory(xml, name, render);
    fa::disarm();
    allocations = fa::count();
  } catch (const std::bad_alloc&) {
    fa::disarm();
    allocations = fa::count();
    return false;
  }
  return true;
}

void print_diagnostics(std::uint64_t n, const hongtou::render_result& r) {
  std::fprintf(stderr, "alloc: N=%llu: status %d, %zu diagnostics\n",
               static_cast<unsigned long long>(n), static_cast<int>(r.status),
               r.diagnostics.size());
  for (const auto& d : r.diagnostics)
    std::fprintf(stderr, "alloc: N=%llu:   %s\n", static_cast<unsigned long long>(n),
                 hongtou::format(d).c_str());
}

// Trial n (0: the reference render), its render and the check after it.
int trial_body(std::uint64_t n, const std::string& xml, const std::string& name,
               const reference& ref, reference* measured) {
  hongtou::render_result r;
  std::uint64_t allocations = 0;
  const bool constructed = cold_render(n, xml, name, r, allocations);
  const bool fired = fa::fired();
  if (n == 0) {
    if (!constructed || !r.ok()) {
      if (constructed) print_diagnostics(n, r);
      return no_reference;
    }
    measured->allocations = allocations;
    measured->hash = hash(r.bytes);
    measured->pages = r.pages;
    return ok_unfired;
  }
  int code;
  if (!constructed) {
    code = constructor_threw;
  } else if (r.ok()) {
    code = fired ? ok_fired : ok_unfired;
    if (hash(r.bytes) != ref.hash || r.pages != ref.pages) {
      std::fprintf(stderr, "alloc: N=%llu: ok, but %d pages and a different PDF\n",
                   static_cast<unsigned long long>(n), r.pages);
      code = wrong_bytes;
    }
  } else if (r.status == hongtou::status::internal_error &&
             std::any_of(
                 r.diagnostics.begin(), r.diagnostics.end(),
                 [](const hongtou::diagnostic& d) { return d.message == "out of memory"; })) {
    code = out_of_memory;
  } else {
    print_diagnostics(n, r);
    code = wrong_result;
  }
  if (!clean(code)) return code;

  // The failure must leave nothing behind that breaks the next engine.
  hongtou::render_result again;
  std::uint64_t unused = 0;
  if (!cold_render(0, xml, name, again, unused) || !again.ok() || hash(again.bytes) != ref.hash) {
    std::fprintf(stderr, "alloc: N=%llu: a normal render afterwards failed or differed\n",
                 static_cast<unsigned long long>(n));
    print_diagnostics(n, again);
    return broken_after;
  }
  return code;
}

int trial(std::uint64_t n, const std::string& xml, const std::string& name, const reference& ref,
          reference* measured) {
  int code = trial_body(n, xml, name, ref, measured);
#if defined(__SANITIZE_ADDRESS__)
  // Everything of the trial is freed by now; the report names the leak's stack.
  if (__lsan_do_recoverable_leak_check()) {
    std::fprintf(stderr, "alloc: N=%llu: LeakSanitizer found a leak (above)\n",
                 static_cast<unsigned long long>(n));
    code = leaked;
  }
#endif
  return code;
}

// The points to try: every N up to `dense`, then the rest of `k` spread up to
// `total`, half geometrically (the start-up: engine, XML, fonts), half evenly
// (layout and PDF); then total + 1, which must not fail anything.
std::vector<std::uint64_t> points(std::uint64_t total, std::uint64_t k, bool all) {
  std::set<std::uint64_t> s;
  if (all || total <= k) {
    for (std::uint64_t n = 1; n <= total; ++n) s.insert(n);
  } else {
    const std::uint64_t dense = std::min<std::uint64_t>(300, k * 3 / 4);
    for (std::uint64_t n = 1; n <= dense; ++n) s.insert(n);
    const std::uint64_t spread = k - dense, geometric = spread / 2, even = spread - geometric;
    const double ratio = static_cast<double>(total) / static_cast<double>(dense);
    for (std::uint64_t i = 1; i <= geometric; ++i)
      s.insert(static_cast<std::uint64_t>(
          std::llround(static_cast<double>(dense) *
                       std::pow(ratio, static_cast<double>(i) / static_cast<double>(geometric)))));
    for (std::uint64_t i = 1; i <= even; ++i) s.insert(dense + (total - dense) * i / even);
  }
  s.insert(total + 1);
  return {s.begin(), s.end()};
}

// The trial a child runs, for its std::terminate handler.
std::uint64_t current_trial = 0;

// std::terminate (std::bad_alloc left a noexcept function, a destructor or a
// thread) names the trial and prints the stack without allocating; the
// addresses resolve with addr2line, or rerun the trial with --only=N in gdb.
[[noreturn]] void on_terminate() {
  char line[160];
  const int len = std::snprintf(line, sizeof line,
                                "alloc: N=%llu: std::terminate; the stack (--only=N in gdb shows "
                                "it with names):\n",
                                static_cast<unsigned long long>(current_trial));
  if (len > 0 && write(2, line, static_cast<size_t>(len)) < 0) std::abort();
  void* frames[64];
  backtrace_symbols_fd(frames, backtrace(frames, 64), 2);
  std::abort();
}

// Runs trial n in a child process; its exit code is the outcome.
pid_t spawn(std::uint64_t n, const std::string& xml, const std::string& name,
            const reference& ref) {
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = fork();
  if (pid == 0) {
    current_trial = n;
    std::set_terminate(on_terminate);
    _exit(trial(n, xml, name, ref, nullptr));  // _exit: no second leak check
  }
  return pid;
}

int exit_code(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 128 + WTERMSIG(status);
}

std::string how_it_died(int status) {
  if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
  return "exit code " + std::to_string(WEXITSTATUS(status));
}

std::uint64_t number(const char* arg, const char* prefix) {
  return std::strtoull(arg + std::strlen(prefix), nullptr, 10);
}

}  // namespace

int main(int argc, char** argv) {
  fa::hook_pugixml();
  // backtrace() loads libgcc_s on its first call: do it now, not in a dying child.
  void* warm[1];
  backtrace(warm, 1);
  std::uint64_t k = 400, only = 0, timeout = 120, from = 0, to = 0;
  std::uint64_t jobs = std::max(1u, std::thread::hardware_concurrency());
  bool all = false;
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    if (std::strncmp(a, "--points=", 9) == 0) {
      k = std::max<std::uint64_t>(1, number(a, "--points="));
    } else if (std::strcmp(a, "--all") == 0) {
      all = true;
    } else if (std::strncmp(a, "--only=", 7) == 0) {
      only = number(a, "--only=");
    } else if (std::strncmp(a, "--range=", 8) == 0) {
      char* end = nullptr;
      from = std::strtoull(a + 8, &end, 10);
      to = *end == '-' ? std::strtoull(end + 1, nullptr, 10) : from;
      if (from == 0 || to < from) {
        std::fprintf(stderr, "alloc: --range=A-B needs 1 <= A <= B\n");
        return 64;
      }
    } else if (std::strncmp(a, "--jobs=", 7) == 0) {
      jobs = std::max<std::uint64_t>(1, number(a, "--jobs="));
    } else if (std::strncmp(a, "--timeout=", 10) == 0) {
      timeout = std::max<std::uint64_t>(1, number(a, "--timeout="));
    } else {
      std::fprintf(stderr,
                   "usage: hongtou_alloc_test [--points=K | --all | --only=N | --range=A-B] "
                   "[--jobs=J] "
                   "[--timeout=S]\n");
      return 64;
    }
  }
  const std::string name = hongtou::test::source_path(document);
  const std::string xml = hongtou::test::read_source(document);
  if (xml.empty()) {
    std::fprintf(stderr, "alloc: cannot read %s\n", name.c_str());
    return 1;
  }

  // The reference: an unfailed cold render, in a child like every trial, its
  // figures sent back through a pipe.
  reference ref;
  int fds[2];
  if (pipe(fds) != 0) return 1;
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t first = fork();
  if (first == 0) {
    reference measured;
    const int code = trial(0, xml, name, ref, &measured);
    if (code == ok_unfired && write(fds[1], &measured, sizeof measured) != sizeof measured)
      _exit(1);
    _exit(code);
  }
  close(fds[1]);
  const bool got = read(fds[0], &ref, sizeof ref) == static_cast<ssize_t>(sizeof ref);
  close(fds[0]);
  int status = 0;
  waitpid(first, &status, 0);
  if (!got || exit_code(status) != ok_unfired) {
    std::fprintf(stderr, "alloc: the unfailed render failed (%s)\n", how_it_died(status).c_str());
    return 1;
  }
  std::printf("alloc: %s: %llu allocations per cold render (engine and render), %d pages\n",
              document, static_cast<unsigned long long>(ref.allocations), ref.pages);

  if (only) {
    const int code = trial(only, xml, name, ref, nullptr);
    std::printf("alloc: N=%llu: %s\n", static_cast<unsigned long long>(only), describe(code));
    return clean(code) ? 0 : 1;
  }

  std::vector<std::uint64_t> todo;
  if (from) {
    for (std::uint64_t n = from; n <= to; ++n) todo.push_back(n);
  } else {
    todo = points(ref.allocations, k, all);
  }
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  struct running {
    std::uint64_t n;
    clock::time_point since;
    bool killed;
  };
  std::map<pid_t, running> children;
  std::map<int, std::vector<std::uint64_t>> by_outcome;  // exit code -> the N
  size_t next = 0;
  while (next < todo.size() || !children.empty()) {
    while (next < todo.size() && children.size() < jobs) {
      const std::uint64_t n = todo[next++];
      const pid_t pid = spawn(n, xml, name, ref);
      if (pid < 0) {
        std::perror("alloc: fork");
        return 1;
      }
      children[pid] = {n, clock::now(), false};
    }
    const pid_t done = waitpid(-1, &status, WNOHANG);
    if (done > 0) {
      const running c = children[done];
      children.erase(done);
      int code = c.killed ? hung : exit_code(status);
      if (!c.killed && (code < ok_unfired || code > no_reference)) {
        code = crashed;
        std::fprintf(stderr, "alloc: N=%llu: crashed (%s)\n", static_cast<unsigned long long>(c.n),
                     how_it_died(status).c_str());
      }
      by_outcome[code].push_back(c.n);
      continue;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    for (auto& [pid, c] : children) {
      if (!c.killed && clock::now() - c.since > std::chrono::seconds(timeout)) {
        std::fprintf(stderr, "alloc: N=%llu: no end after %llu s, killed\n",
                     static_cast<unsigned long long>(c.n),
                     static_cast<unsigned long long>(timeout));
        kill(pid, SIGKILL);
        c.killed = true;
      }
    }
  }
  const double seconds = std::chrono::duration<double>(clock::now() - started).count();
  std::printf("alloc: %zu points (%s), %llu jobs, %.1f s:\n", todo.size(),
              from  ? "a range"
              : all ? "every N"
                    : "every N up to 300, then a spread",
              static_cast<unsigned long long>(jobs), seconds);
  bool ok = true;
  for (const auto& [code, ns] : by_outcome) {
    std::string list;
    if (!clean(code)) {
      ok = false;
      for (size_t i = 0; i < ns.size() && i < 20; ++i) list += " " + std::to_string(ns[i]);
      if (ns.size() > 20) list += " …";
    }
    std::printf("alloc:   %6zu  %s%s%s\n", ns.size(), describe(code),
                list.empty() ? "" : ", N =", list.c_str());
  }
  if (!ok)
    std::printf("alloc: rerun one with --only=N (with gdb, or ASAN_OPTIONS=detect_leaks=1)\n");
  return ok ? 0 : 1;
}
