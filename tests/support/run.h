#pragma once
// Test support: run the real mdbc binary (or another program) and capture what it prints, and
// make scratch directories that clean up after themselves.
#include <filesystem>
#include <string>
#include <vector>

namespace mdbc::test {

struct RunResult {
  int exit_code = -1;  // 128 + signal when killed by a signal
  std::string out, err;
};

// Runs argv[0] (searched in PATH when it has no '/') with the given arguments, optional working
// directory, a time limit (killed after `timeout_seconds`), no standard input.
RunResult run(const std::vector<std::string>& argv, const std::string& cwd = {}, int timeout_seconds = 120);
// Runs the mdbc binary under test.
RunResult mdbc(const std::vector<std::string>& args, const std::string& cwd = {}, int timeout_seconds = 120);

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Writes a file (creating parent directories) and returns its path.
  std::filesystem::path write(const std::string& rel, std::string_view content) const;

 private:
  std::filesystem::path path_;
};

std::string read_text(const std::filesystem::path& p);
std::filesystem::path source_dir();  // the repository root
std::filesystem::path shared_dir();  // ../shared beside the repository

}  // namespace mdbc::test
