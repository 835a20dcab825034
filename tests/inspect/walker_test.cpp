#include "inspect/walker.h"

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/error.h"
#include "support/run.h"

namespace mdbc {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> shown(const WalkResult& w) {
  std::vector<std::string> out;
  for (const auto& f : w.files) out.push_back(f.path);
  return out;
}

const SkippedInput* skipped(const WalkResult& w, std::string_view path) {
  for (const auto& s : w.skipped)
    if (s.path == path) return &s;
  return nullptr;
}

TEST(Walker, ListsRegularFilesSortedRelativeToTheRoot) {
  test::TempDir dir;
  dir.write("t/b.c", "b");
  dir.write("t/a/z.c", "zz");
  dir.write("t/a/y.h", "y");
  dir.write("t/.git/config", "x");
  dir.write("t/.svn/x", "x");
  const auto w = walk({(dir.path() / "t").string()}, {}, {});
  EXPECT_EQ(shown(w), (std::vector<std::string>{"a/y.h", "a/z.c", "b.c"}));
  EXPECT_EQ(w.files[1].size, 2u);
  EXPECT_EQ(w.files[1].rel_path, "a/z.c");
  EXPECT_EQ(w.files[1].fs_path, (dir.path() / "t" / "a" / "z.c").string());
  EXPECT_FALSE(w.files[1].given_explicitly);
  EXPECT_TRUE(w.skipped.empty());
}

TEST(Walker, SeveralRootsArePrefixedAndAFileRootIsGivenExplicitly) {
  test::TempDir dir;
  dir.write("one/a.c", "a");
  const auto file = dir.write("two.c", "b");
  const std::string one = (dir.path() / "one").string();
  const auto w = walk({one, file.string()}, {}, {});
  ASSERT_EQ(w.files.size(), 2u);
  EXPECT_EQ(w.files[0].path, one + "/a.c");
  EXPECT_EQ(w.files[1].path, file.string());
  EXPECT_TRUE(w.files[1].given_explicitly);
}

TEST(Walker, SameFileGivenTwiceIsListedOnce) {
  test::TempDir dir;
  const auto file = dir.write("a.c", "a");
  EXPECT_EQ(walk({file.string(), file.string()}, {}, {}).files.size(), 1u);
}

TEST(Walker, SpecialFilesAndSymlinksAreSkippedWithAReason) {
  test::TempDir dir;
  const fs::path t = dir.path() / "t";
  dir.write("t/ok.c", "1");
  fs::create_symlink("ok.c", t / "link.c");
  fs::create_symlink(".", t / "loop");
  fs::create_symlink("missing", t / "dangling.c");
  ASSERT_EQ(::mkfifo((t / "fifo.c").c_str(), 0644), 0);
  const auto w = walk({t.string()}, {}, {});
  EXPECT_EQ(shown(w), std::vector<std::string>{"ok.c"});
  ASSERT_NE(skipped(w, "link.c"), nullptr);
  EXPECT_EQ(skipped(w, "link.c")->reason, "symbolic link (not followed)");
  ASSERT_NE(skipped(w, "loop"), nullptr);
  ASSERT_NE(skipped(w, "dangling.c"), nullptr);
  ASSERT_NE(skipped(w, "fifo.c"), nullptr);
  EXPECT_EQ(skipped(w, "fifo.c")->reason, "FIFO (not opened)");
}

TEST(Walker, ASymlinkGivenAsRootIsFollowedOnce) {
  test::TempDir dir;
  dir.write("real/a.c", "a");
  fs::create_symlink("real", dir.path() / "via");
  EXPECT_EQ(shown(walk({(dir.path() / "via").string()}, {}, {})), std::vector<std::string>{"a.c"});
  fs::create_symlink("nowhere", dir.path() / "broken");
  EXPECT_THROW(walk({(dir.path() / "broken").string()}, {}, {}), InputError);
  fs::create_symlink("/dev/zero", dir.path() / "zero.c");  // followed once: to a device, not inspected
  EXPECT_THROW(walk({(dir.path() / "zero.c").string()}, {}, {}), InputError);
}

TEST(Walker, MissingRootIsAnInputErrorNamingIt) {
  test::TempDir dir;
  const std::string missing = (dir.path() / "gone").string();
  try {
    walk({missing}, {}, {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind(missing + ": cannot access", 0), 0u) << e.what();
  }
}

TEST(Walker, FilesOverTheSizeLimitAreSkippedNotListed) {
  test::TempDir dir;
  dir.write("t/small.c", "x");
  const auto big = dir.write("t/big.c", "");
  fs::resize_file(big, 3u << 20);
  WalkLimits limits;
  limits.max_file_size = 2u << 20;
  const auto w = walk({(dir.path() / "t").string()}, {}, limits);
  EXPECT_EQ(shown(w), std::vector<std::string>{"small.c"});
  ASSERT_NE(skipped(w, "big.c"), nullptr);
  EXPECT_EQ(skipped(w, "big.c")->reason, "3 MiB, over the 2 MiB file size limit (not read)");
  // The same when the file is named on the command line.
  const auto given = walk({big.string()}, {}, limits);
  EXPECT_TRUE(given.files.empty());
  EXPECT_EQ(given.skipped.size(), 1u);
}

TEST(Walker, DepthAndFileCountAreBounded) {
  test::TempDir dir;
  std::string rel = "t";
  for (int i = 0; i < 70; ++i) rel += "/d";
  dir.write(rel + "/deep.c", "x");
  dir.write("t/d/shallow.c", "x");
  const auto w = walk({(dir.path() / "t").string()}, {}, {});
  EXPECT_EQ(shown(w), std::vector<std::string>{"d/shallow.c"});
  ASSERT_EQ(w.skipped.size(), 1u);
  EXPECT_EQ(w.skipped[0].reason, "directory nested deeper than 64 levels");
  EXPECT_EQ(std::count(w.skipped[0].path.begin(), w.skipped[0].path.end(), '/'), 64);

  for (int i = 0; i < 5; ++i) dir.write("many/f" + std::to_string(i) + ".c", "x");
  WalkLimits limits;
  limits.max_files = 4;
  EXPECT_THROW(walk({(dir.path() / "many").string()}, {}, limits), InputError);
  limits.max_files = 5;
  EXPECT_EQ(walk({(dir.path() / "many").string()}, {}, limits).files.size(), 5u);
}

TEST(Walker, ExcludedAndDeclaredTreesBecomeComponents) {
  test::TempDir dir;
  dir.write("t/src/main.c", "x");
  dir.write("t/ext/lib/x.c", "x");
  dir.write("t/gen/out.c", "x");
  dir.write("t/src/gen_table.c", "x");
  Config config;
  config.exclude = {"gen/**", "src/gen_*.c"};
  config.components.push_back({"libx", "1.0", "ext/lib", "declared", ""});
  const auto w = walk({(dir.path() / "t").string()}, config, {});
  std::map<std::string, std::string> component;
  for (const auto& f : w.files) component[f.path] = f.component;
  EXPECT_EQ(component.at("src/main.c"), "");
  EXPECT_EQ(component.at("ext/lib/x.c"), "libx");
  EXPECT_EQ(component.at("gen/out.c"), "excluded: gen/**");
  EXPECT_EQ(component.at("src/gen_table.c"), "excluded: src/gen_*.c");
}

TEST(Walker, HostileNamesAreShownEscapedAndMatchedRaw) {
  test::TempDir dir;
  const std::string name = "a\xff\nb\\c.c";
  dir.write("t/" + name, "x");
  const auto w = walk({(dir.path() / "t").string()}, {}, {});
  ASSERT_EQ(w.files.size(), 1u);
  EXPECT_EQ(w.files[0].path, "a\\xff\\nb\\\\c.c");
  EXPECT_EQ(w.files[0].rel_path, name);
  EXPECT_EQ(w.files[0].fs_path, (dir.path() / "t" / name).string());
}

TEST(Walker, UnreadableDirectoryIsAnInputError) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every directory (tests/e2e covers this as nobody)";
  test::TempDir dir;
  dir.write("t/closed/a.c", "x");
  fs::permissions(dir.path() / "t" / "closed", fs::perms::none);
  try {
    walk({(dir.path() / "t").string()}, {}, {});
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("closed: cannot read directory"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace mdbc
