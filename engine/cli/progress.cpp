// SPDX-License-Identifier: Apache-2.0
#include "cli/progress.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>

namespace hongtou::cli {

namespace {

using clock = std::chrono::steady_clock;

// The terminal's width in columns (80 when it does not say).
int terminal_columns() {
  struct winsize ws {};
  if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  return 80;
}

// "1:05", "1:02:03" or "-" for an unknown time.
std::string duration(double seconds) {
  if (!(seconds >= 0) || seconds > 360000) return "-";
  const auto s = static_cast<long>(seconds + 0.5);
  char text[32];
  if (s >= 3600)
    std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  else
    std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
  return text;
}

// Writes all of text to stderr, unbuffered (the bar and the messages of the
// workers must not interleave with a buffer of iostream's).
void put(const std::string& text) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(STDERR_FILENO, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    done += static_cast<size_t>(n);
  }
}

}  // namespace

progress::progress(size_t total, bool quiet)
    : total_(total), quiet_(quiet), terminal_(::isatty(STDERR_FILENO) == 1), start_(clock::now()) {
  if (!quiet_) thread_ = std::thread([this] { run(); });
}

progress::~progress() {
  stop();
}

void progress::started(const std::string& name) {
  std::lock_guard<std::mutex> lock(mutex_);
  current_ = name;
}

void progress::finished(bool failed, int) {
  ++done_;
  if (failed) ++failed_;
}

void progress::message(const std::string& lines) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::string text = drawn_ ? "\r\033[K" : "";
  text += lines;
  if (!lines.empty() && lines.back() != '\n') text += '\n';
  put(text);
  drawn_ = false;
  if (terminal_ && !quiet_ && !stopping_) draw_locked();
}

void progress::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  if (drawn_) put("\r\033[K");
  drawn_ = false;
}

std::string progress::status_line(bool for_terminal) {
  const size_t done = done_.load(), failed = failed_.load();
  const double elapsed = std::chrono::duration<double>(clock::now() - start_).count();
  const double rate = elapsed > 0 ? static_cast<double>(done) / elapsed : 0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : -1;
  char numbers[160];
  std::snprintf(numbers, sizeof numbers, "%zu/%zu  %.1f documents/s  ETA %s%s", done, total_, rate,
                duration(eta).c_str(),
                failed ? ("  " + std::to_string(failed) + " failed").c_str() : "");
  if (!for_terminal) return std::string("hongtou: batch: ") + numbers + "\n";
  const int columns = terminal_columns() - 1;  // the last column would wrap on some terminals
  // The bar when the line has room for it and for 20 columns of the name.
  std::string line;
  const int width = 20;
  if (columns - display_columns(numbers) >= width + 3 + 22) {
    const int filled = total_ ? static_cast<int>(width * done / total_) : width;
    line = "[" + std::string(static_cast<size_t>(filled), '#') +
           std::string(static_cast<size_t>(width - filled), '.') + "] ";
  }
  line += numbers;
  const int room = columns - display_columns(line) - 2;
  if (room >= 8 && !current_.empty()) line += "  " + fit_columns(current_, room);
  return fit_columns(line, columns);
}

void progress::draw_locked() {
  put("\r\033[K" + status_line(true));
  drawn_ = true;
}

void progress::run() {
  const auto period = terminal_ ? std::chrono::milliseconds(100) : std::chrono::seconds(10);
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_for(lock, period, [this] { return stopping_; })) break;
    if (terminal_)
      draw_locked();
    else
      put(status_line(false));
  }
}

}  // namespace hongtou::cli
