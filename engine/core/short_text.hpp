// SPDX-License-Identifier: Apache-2.0
#pragma once
// short_text: an immutable UTF-8 string of 12 bytes, its text in place up to
// 11 bytes (a cluster's text: one CJK character is 3) and on the heap beyond.
// The display list holds one per glyph: a 1,000-page document has 600,000,
// and std::string's 32 bytes were most of their memory.
#include <cstdint>
#include <cstring>
#include <new>
#include <string>
#include <string_view>

namespace hongtou {

class short_text {
 public:
  short_text() = default;
  short_text(std::string_view s) { assign(s); }  // NOLINT: converts like std::string
  short_text(const std::string& s) : short_text(std::string_view(s)) {}  // NOLINT
  short_text(const char* s) : short_text(std::string_view(s)) {}         // NOLINT
  short_text(const short_text& o) { assign(o.view()); }
  short_text(short_text&& o) noexcept {
    std::memcpy(bytes_, o.bytes_, sizeof bytes_);
    o.bytes_[last] = 0;
  }
  short_text& operator=(const short_text& o) {
    if (this != &o) {
      const std::string copy(o.view());  // o may be this text's own heap block
      release();
      assign(copy);
    }
    return *this;
  }
  short_text& operator=(short_text&& o) noexcept {
    if (this != &o) {
      release();
      std::memcpy(bytes_, o.bytes_, sizeof bytes_);
      o.bytes_[last] = 0;
    }
    return *this;
  }
  ~short_text() { release(); }

  std::string_view view() const {
    if (!on_heap()) return {bytes_, static_cast<size_t>(bytes_[last])};
    const char* block = heap_block();
    uint32_t size = 0;
    std::memcpy(&size, block, sizeof size);
    return {block + sizeof size, size};
  }
  operator std::string_view() const { return view(); }  // NOLINT: reads like std::string
  std::string str() const { return std::string(view()); }
  size_t size() const { return view().size(); }
  bool empty() const { return !on_heap() && bytes_[last] == 0; }

  friend bool operator==(const short_text& a, std::string_view b) { return a.view() == b; }
  friend bool operator!=(const short_text& a, std::string_view b) { return a.view() != b; }
  friend bool operator==(const short_text& a, const short_text& b) { return a.view() == b.view(); }
  friend bool operator!=(const short_text& a, const short_text& b) { return a.view() != b.view(); }
  friend bool operator==(const short_text& a, const std::string& b) { return a.view() == b; }
  friend bool operator!=(const short_text& a, const std::string& b) { return a.view() != b; }
  friend bool operator==(const short_text& a, const char* b) { return a.view() == b; }
  friend bool operator!=(const short_text& a, const char* b) { return a.view() != b; }
  friend std::string operator+(std::string a, const short_text& b) { return a.append(b.view()); }

 private:
  static constexpr size_t last = 11;  // the length in place, or heap_tag
  static constexpr unsigned char heap_tag = 0xFF;

  bool on_heap() const { return static_cast<unsigned char>(bytes_[last]) == heap_tag; }
  char* heap_block() const {
    char* block = nullptr;
    std::memcpy(&block, bytes_, sizeof block);
    return block;
  }
  void assign(std::string_view s) {
    if (s.size() <= last) {
      std::memcpy(bytes_, s.data(), s.size());
      bytes_[last] = static_cast<char>(s.size());
      return;
    }
    const auto size = static_cast<uint32_t>(s.size());  // a cluster: far below 4 GB
    char* block = new char[sizeof size + s.size()];
    std::memcpy(block, &size, sizeof size);
    std::memcpy(block + sizeof size, s.data(), s.size());
    std::memcpy(bytes_, &block, sizeof block);
    bytes_[last] = static_cast<char>(heap_tag);
  }
  void release() {
    if (on_heap()) delete[] heap_block();
    bytes_[last] = 0;
  }

  static_assert(sizeof(char*) <= last, "the heap pointer fits before the tag");
  char bytes_[last + 1] = {};
};

}  // namespace hongtou
