// SPDX-License-Identifier: Apache-2.0
#pragma once
// Running the hongtou CLI (or a tool such as pdffonts) as a subprocess from a
// test, the way a user would, with stdout and stderr captured.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace hongtou::test {

namespace fs = std::filesystem;

struct run_result {
  int status = -1;  // exit status; -1 when the command did not exit normally
  std::string out, err;
};

/// A fresh, empty folder for one test case: HONGTOU_TEST_TMP/<area>/<name>.
inline fs::path fresh_dir(const std::string& area, const std::string& name) {
  const fs::path dir = fs::path(HONGTOU_TEST_TMP) / area / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

/// s quoted for /bin/sh.
inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

/// Whether `part` occurs in `s` (a message, a tool's output).
inline bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

/// The bytes of a file, empty when it cannot be read.
inline std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// True when `name` is a command on PATH.
inline bool tool_exists(const std::string& name) {
  return std::system(("command -v " + quote(name) + " >/dev/null 2>&1").c_str()) == 0;
}

/// Runs `cmd` (already quoted) in `dir`, capturing stdout and stderr in files there.
inline run_result run(const std::string& cmd, const fs::path& dir) {
  static int counter = 0;
  const std::string tag = std::to_string(++counter);
  const fs::path out = dir / ("cmd-" + tag + ".out"), err = dir / ("cmd-" + tag + ".err");
  const std::string full = "cd " + quote(dir.string()) + " && " + cmd + " >" + quote(out.string()) +
                           " 2>" + quote(err.string());
  const int raw = std::system(full.c_str());
  run_result r;
  // A crash shows as a signal, or as 128+N from the shell.
  if (raw != -1 && WIFEXITED(raw) && WEXITSTATUS(raw) < 128) r.status = WEXITSTATUS(raw);
  r.out = slurp(out);
  r.err = slurp(err);
  return r;
}

/// The built CLI, quoted, with a fonts.xml whose faces come from the
/// committed test fonts only (never the system's).
inline std::string cli_with_fonts(const std::string& fonts_xml) {
  return quote(HONGTOU_CLI) + " --fonts " + quote(fonts_xml) + " --font-dir " +
         quote(std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts") + " --no-system-fonts";
}

/// The built CLI, quoted, with the test fonts (tests/fonts/fonts.xml).
inline std::string cli() {
  return cli_with_fonts(std::string(HONGTOU_SOURCE_DIR) + "/tests/fonts/fonts.xml");
}

/// The built CLI, quoted, with the system's fonts (for fonts the tests do not ship).
inline std::string system_cli() {
  return quote(HONGTOU_CLI);
}

}  // namespace hongtou::test
