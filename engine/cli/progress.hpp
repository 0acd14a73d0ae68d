// SPDX-License-Identifier: Apache-2.0
#pragma once
// The progress of `hongtou batch` on stderr (progress.cpp): on a terminal a
// bar redrawn in place about ten times a second; otherwise a plain line
// every ten seconds. The messages of failed documents go above the bar.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace hongtou::cli {

/// Columns a terminal gives the code point c: 2 for the East Asian wide and
/// fullwidth ones (CJK ideographs, kana, hangul, fullwidth forms), 0 for
/// combining marks and controls, else 1.
inline int code_point_columns(char32_t c) {
  if (c < 0x20 || (c >= 0x7f && c < 0xa0)) return 0;
  if ((c >= 0x300 && c <= 0x36f) || (c >= 0x200b && c <= 0x200f) || (c >= 0xfe00 && c <= 0xfe0f))
    return 0;
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) ||
      (c >= 0x3041 && c <= 0x33ff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
      (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd))
    return 2;
  return 1;
}

/// Decodes the UTF-8 sequence at text[i], advancing i; a malformed byte
/// decodes as U+FFFD and advances one byte.
inline char32_t next_code_point(std::string_view text, size_t& i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  size_t extra = 0;
  char32_t c = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  if ((lead & 0xe0) == 0xc0) {
    extra = 1;
    c = lead & 0x1f;
  } else if ((lead & 0xf0) == 0xe0) {
    extra = 2;
    c = lead & 0x0f;
  } else if ((lead & 0xf8) == 0xf0) {
    extra = 3;
    c = lead & 0x07;
  } else {
    ++i;
    return 0xfffd;
  }
  if (i + extra >= text.size()) {
    ++i;
    return 0xfffd;
  }
  for (size_t k = 1; k <= extra; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) {
      ++i;
      return 0xfffd;
    }
    c = (c << 6) | (byte(i + k) & 0x3f);
  }
  i += extra + 1;
  return c;
}

/// Columns `text` (UTF-8) takes on a terminal.
inline int display_columns(std::string_view text) {
  int columns = 0;
  for (size_t i = 0; i < text.size();) columns += code_point_columns(next_code_point(text, i));
  return columns;
}

/// `text` fitted to at most `columns` terminal columns: itself when it
/// fits, else "…" and as much of its end as fits (a file name's end says
/// most). Control characters are left out; a wide character is never cut.
inline std::string fit_columns(std::string_view text, int columns) {
  std::string clean;
  for (size_t i = 0; i < text.size();) {
    const size_t from = i;
    const char32_t c = next_code_point(text, i);
    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) continue;
    clean.append(c == 0xfffd && i - from == 1 ? "\xef\xbf\xbd"
                                              : std::string(text.substr(from, i - from)));
  }
  if (display_columns(clean) <= columns) return clean;
  if (columns <= 0) return {};
  // From the end, while "…" (one column) and the tail fit.
  std::string_view all(clean);
  size_t start = all.size();
  int used = 1;
  while (start > 0) {
    size_t back = start - 1;
    while (back > 0 && (static_cast<unsigned char>(all[back]) & 0xc0) == 0x80) --back;
    size_t probe = back;
    const int w = code_point_columns(next_code_point(all, probe));
    if (used + w > columns) break;
    used += w;
    start = back;
  }
  return "\xe2\x80\xa6" + std::string(all.substr(start));
}

/// The progress display of one batch run, drawn by a thread of its own.
class progress {
 public:
  /// total: documents to do; quiet: draw nothing (finish() prints nothing).
  progress(size_t total, bool quiet);
  ~progress();
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;

  /// A worker starts `name` / finished a document (failed or not, pages).
  void started(const std::string& name);
  void finished(bool failed, int pages);
  /// Lines to print above the bar (the errors of a failed document).
  void message(const std::string& lines);
  /// Stops the thread and clears the bar; the summary line is the caller's.
  void stop();

  bool terminal() const { return terminal_; }

 private:
  void run();
  std::string status_line(bool for_terminal);
  void draw_locked();

  const size_t total_;
  const bool quiet_;
  bool terminal_ = false;
  std::atomic<size_t> done_{0}, failed_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool drawn_ = false;
  std::string current_;
  std::chrono::steady_clock::time_point start_;
  std::thread thread_;
};

}  // namespace hongtou::cli
