// SPDX-License-Identifier: Apache-2.0
// The countdown allocator of failing_alloc.hpp: every replaceable global
// operator new and delete of C++17 (plain, array, nothrow, aligned, sized).
// The executable's definitions take precedence over libstdc++'s (and, in the
// sanitized build, over ASan's), so the static engine and the shared
// libstdc++ both allocate through them. They allocate with malloc, which ASan
// still tracks: its leak and use-after-free checks keep working.
#include "alloc/failing_alloc.hpp"

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

#include <pugixml.hpp>

namespace hongtou::test::failing_alloc {

namespace {

// Atomics, since a render may allocate from several threads; zero-initialised
// before any constructor runs, as operator new is called before main.
std::atomic<std::uint64_t> allocations{0};
std::atomic<std::uint64_t> countdown{0};  // 0: disarmed
std::atomic<bool> did_fire{false};

// Counts one allocation; true when it is the one to fail. The compare-exchange
// makes exactly one allocation fail when several threads race for the last one.
bool should_fail() noexcept {
  allocations.fetch_add(1, std::memory_order_relaxed);
  std::uint64_t left = countdown.load(std::memory_order_relaxed);
  while (left != 0) {
    if (countdown.compare_exchange_weak(left, left - 1, std::memory_order_relaxed)) {
      if (left != 1) return false;
      did_fire.store(true, std::memory_order_relaxed);
      return true;
    }
  }
  return false;
}

void* allocate(std::size_t size) noexcept {
  if (should_fail()) return nullptr;
  return std::malloc(size ? size : 1);
}

void* allocate_aligned(std::size_t size, std::align_val_t align) noexcept {
  if (should_fail()) return nullptr;
  std::size_t a = static_cast<std::size_t>(align);
  if (a < sizeof(void*)) a = sizeof(void*);  // posix_memalign's minimum
  void* p = nullptr;
  return posix_memalign(&p, a, size ? size : 1) == 0 ? p : nullptr;
}

void* allocate_or_throw(std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}

void* allocate_aligned_or_throw(std::size_t size, std::align_val_t align) {
  if (void* p = allocate_aligned(size, align)) return p;
  throw std::bad_alloc();
}

// pugixml takes plain function pointers; a failure is its "out of memory".
void* pugixml_allocate(size_t size) {
  return allocate(size);
}

void pugixml_deallocate(void* p) {
  std::free(p);
}

}  // namespace

void arm(std::uint64_t n) {
  did_fire.store(false);
  countdown.store(n);
}

void disarm() {
  countdown.store(0);
}

bool fired() {
  return did_fire.load();
}

std::uint64_t count() {
  return allocations.load();
}

void reset_count() {
  allocations.store(0);
}

void hook_pugixml() {
  pugi::set_memory_management_functions(pugixml_allocate, pugixml_deallocate);
}

}  // namespace hongtou::test::failing_alloc

namespace fa = hongtou::test::failing_alloc;

void* operator new(std::size_t size) {
  return fa::allocate_or_throw(size);
}
void* operator new[](std::size_t size) {
  return fa::allocate_or_throw(size);
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  return fa::allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return fa::allocate(size);
}
void* operator new(std::size_t size, std::align_val_t align) {
  return fa::allocate_aligned_or_throw(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return fa::allocate_aligned_or_throw(size, align);
}
void* operator new(std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return fa::allocate_aligned(size, align);
}
void* operator new[](std::size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
  return fa::allocate_aligned(size, align);
}

void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept {
  std::free(p);
}
