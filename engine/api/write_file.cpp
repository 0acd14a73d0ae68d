// SPDX-License-Identifier: Apache-2.0
#include "api/write_file.hpp"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>

#include "api/hongtou.hpp"

namespace hongtou::detail {

namespace fs = std::filesystem;

namespace {

// The temporary files of the writes in progress, for a signal handler
// (remove_temporary_outputs): fixed slots of plain characters, so reading
// them needs neither a lock nor an allocation. A slot is claimed (busy), its
// path copied, then published (live); a write with no free slot goes on
// unlisted.
struct in_flight_slot {
  enum : int { free, busy, live };
  std::atomic<int> state{free};
  char path[PATH_MAX];
};
std::array<in_flight_slot, 64> in_flight;

// Lists `path` while its write is in progress; removed from the list on
// destruction (after the rename, or after the clean-up unlinked it).
class listed_temporary {
 public:
  explicit listed_temporary(const std::string& path) {
    if (path.size() >= PATH_MAX) return;
    for (in_flight_slot& s : in_flight) {
      int expected = in_flight_slot::free;
      if (!s.state.compare_exchange_strong(expected, in_flight_slot::busy)) continue;
      std::memcpy(s.path, path.c_str(), path.size() + 1);
      s.state.store(in_flight_slot::live);
      slot_ = &s;
      return;
    }
  }
  ~listed_temporary() {
    if (slot_) slot_->state.store(in_flight_slot::free);
  }
  listed_temporary(const listed_temporary&) = delete;
  listed_temporary& operator=(const listed_temporary&) = delete;

 private:
  in_flight_slot* slot_ = nullptr;
};

// A name nobody can guess in advance: the process and 64 random bits.
std::string random_suffix() {
  static std::atomic<uint64_t> counter{0};
  thread_local std::mt19937_64 bits{std::random_device{}() ^ (counter.fetch_add(1) << 32)};
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(bits()));
  return std::to_string(::getpid()) + "-" + hex;
}

std::string reason(const std::string& what, int error) {
  return what + ": " + std::strerror(error);
}

// Holds back the signals the CLI cleans up after (SIGINT, SIGTERM, SIGHUP) on
// this thread while a temporary file is made and listed, so that a signal
// between the two cannot leave it behind: one that comes meanwhile is
// delivered when the mask is restored, the file then listed.
class signals_held {
 public:
  signals_held() {
    sigset_t held;
    sigemptyset(&held);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&held, sig);
    active_ = ::pthread_sigmask(SIG_BLOCK, &held, &old_) == 0;
  }
  ~signals_held() { release(); }
  signals_held(const signals_held&) = delete;
  signals_held& operator=(const signals_held&) = delete;
  void release() {
    if (active_) ::pthread_sigmask(SIG_SETMASK, &old_, nullptr);
    active_ = false;
  }

 private:
  sigset_t old_{};
  bool active_ = false;
};

// Creates the temporary file for `target`, exclusively, and locks it: the
// fixed name first (after removing a stale file there), a random one when
// that name is taken by a live write or by something not ours.
int create_temporary(const fs::path& target, std::string& tmp) {
  const std::string fixed = target.string() + ".tmp-hongtou";
  for (int attempt = 0; attempt < 2; ++attempt) {
    tmp = fixed;
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd >= 0) {
      ::flock(fd, LOCK_EX | LOCK_NB);
      return fd;
    }
    if (errno != EEXIST) return -1;
    if (!remove_stale_temporary(fixed)) break;
  }
  for (int attempt = 0; attempt < 100; ++attempt) {
    tmp = fixed + "-" + random_suffix();
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0666);
    if (fd >= 0) {
      ::flock(fd, LOCK_EX | LOCK_NB);
      return fd;
    }
    if (errno != EEXIST) return -1;
  }
  return -1;
}

// Makes the rename durable: the folder's entry reaches the disk too.
void sync_folder(const fs::path& target) {
  const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);  // some file systems refuse a folder's fsync (EINVAL): the rename stands
  ::close(fd);
}

}  // namespace

// A regular file (a link is never followed) of this user that nobody holds
// locked — the writer that created it is gone — and that holds bytes or is
// older than two seconds (a writer locks its file the moment it creates it;
// the age covers that instant).
bool remove_stale_temporary(const std::string& tmp) {
  const int fd = ::open(tmp.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return false;
  bool removed = false;
  struct stat st {};
  struct stat now_there {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
      (st.st_size > 0 || st.st_mtime + 2 < std::time(nullptr)) &&
      ::flock(fd, LOCK_EX | LOCK_NB) == 0 && ::lstat(tmp.c_str(), &now_there) == 0 &&
      now_there.st_dev == st.st_dev && now_there.st_ino == st.st_ino)
    removed = ::unlink(tmp.c_str()) == 0;
  ::close(fd);
  return removed;
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {};
  struct stat sb {};
  return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
         sa.st_ino == sb.st_ino;
}

bool write_atomically(const std::string& output, const std::vector<uint8_t>& bytes,
                      std::string& error) {
  // The file written: the target of a symbolic link, else the path itself.
  fs::path target(output);
  std::error_code ec;
  if (fs::is_symlink(target, ec)) {
    const fs::path resolved = fs::weakly_canonical(target, ec);
    if (ec) {
      error = reason("cannot follow the symbolic link", ec.value());
      return false;
    }
    target = resolved;
  }
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    error =
        "cannot write " + output +
        (S_ISDIR(existing.st_mode) ? ": it is a folder"
                                   : ": it is not a regular file (- writes to standard output)");
    return false;
  }
  std::string tmp;
  signals_held held;
  int fd = create_temporary(target, tmp);
  if (fd < 0) {
    const int e = errno;
    held.release();
    error = reason("cannot create the output file", e);
    return false;
  }
  const listed_temporary listed(tmp);
  held.release();
  const auto fail = [&](const std::string& what) {
    const int e = errno;    // before the clean-up can change it
    ::unlink(tmp.c_str());  // the file this call created, nothing else
    ::close(fd);
    error = reason(what, e);
    return false;
  };
  if (exists) {
    if (::fchmod(fd, existing.st_mode & 07777) != 0) return fail("cannot keep the file's mode");
    if (::fchown(fd, existing.st_uid, existing.st_gid) != 0 && errno != EPERM)
      return fail("cannot keep the file's owner");
  }
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return fail("cannot write the output file");
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) return fail("cannot write the output file");
  // Renamed while still open and locked, so that no other write takes it for
  // a stale one in between; a signal handler may have removed it meanwhile.
  if (std::rename(tmp.c_str(), target.c_str()) != 0)
    return fail("cannot rename the output into place");
  ::close(fd);
  sync_folder(target);
  return true;
}

}  // namespace hongtou::detail

namespace hongtou {

void remove_temporary_outputs() noexcept {
  for (detail::in_flight_slot& s : detail::in_flight)
    if (s.state.load() == detail::in_flight_slot::live) ::unlink(s.path);
}

}  // namespace hongtou
