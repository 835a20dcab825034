#include "inspect/file_schedule.h"

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <vector>

namespace mdbc {
namespace {

constexpr uint64_t MiB = uint64_t{1} << 20;
constexpr uint64_t budget = 16 * MiB;

std::vector<WalkedFile> files_of(const std::vector<uint64_t>& sizes) {
  std::vector<WalkedFile> files(sizes.size());
  for (size_t i = 0; i < sizes.size(); ++i) files[i].size = sizes[i];
  return files;
}

TEST(FileSchedule, HandsOutEveryFileOnceInPathOrderWhenAllAreSmall) {
  const auto files = files_of({10, 0, MiB, 300});
  FileSchedule schedule(files, budget);
  for (size_t i = 0; i < files.size(); ++i) EXPECT_EQ(schedule.next(), i);
  EXPECT_EQ(schedule.next(), std::nullopt);
}

TEST(FileSchedule, LargeFilesGoFirstLargestFirstWhileTheyFitTogether) {
  const auto files = files_of({100, 6 * MiB, 200, 8 * MiB, 300});
  FileSchedule schedule(files, budget);
  EXPECT_EQ(schedule.next(), 3u);
  EXPECT_EQ(schedule.next(), 1u);  // 14 MiB in flight
  EXPECT_EQ(schedule.next(), 0u);
  EXPECT_EQ(schedule.next(), 2u);
  EXPECT_EQ(schedule.next(), 4u);
  EXPECT_EQ(schedule.next(), std::nullopt);
}

// The case that left a core idle: a large file that does not fit beside the one in flight. Small
// files go out meanwhile, and the waiting large file goes before any later one.
TEST(FileSchedule, SmallFilesGoOutWhileTheNextLargeFileDoesNotFit) {
  const auto files = files_of({24 * MiB, 12 * MiB, 2 * MiB, 10, 20});
  FileSchedule schedule(files, budget);
  EXPECT_EQ(schedule.next(), 0u);  // larger than the budget, and alone
  EXPECT_EQ(schedule.next(), 3u);
  EXPECT_EQ(schedule.next(), 4u);
  schedule.done(10);
  schedule.done(20);
  schedule.done(24 * MiB);
  EXPECT_EQ(schedule.next(), 1u);
  EXPECT_EQ(schedule.next(), 2u);  // 14 MiB in flight
  EXPECT_EQ(schedule.next(), std::nullopt);
}

// What the files leave for the tree-wide passes grows through the run, so the largest file's
// inspection goes out before the others, whatever its path.
TEST(FileSchedule, TheLargestFileGoesFirstAndEqualOnesInPathOrder) {
  const auto files = files_of({2 * MiB, 10, 24 * MiB, 3 * MiB, 3 * MiB});
  FileSchedule schedule(files, budget);
  EXPECT_EQ(schedule.next(), 2u);  // larger than the budget, and alone
  EXPECT_EQ(schedule.next(), 1u);
  schedule.done(24 * MiB);
  EXPECT_EQ(schedule.next(), 3u);
  EXPECT_EQ(schedule.next(), 4u);
  EXPECT_EQ(schedule.next(), 0u);
  EXPECT_EQ(schedule.next(), std::nullopt);
}

TEST(FileSchedule, AWorkerWithOnlyALargeFileLeftWaitsUntilItFits) {
  const auto files = files_of({12 * MiB, 12 * MiB});
  FileSchedule schedule(files, budget);
  EXPECT_EQ(schedule.next(), 0u);
  auto second = std::async(std::launch::async, [&] { return schedule.next(); });
  EXPECT_EQ(second.wait_for(std::chrono::milliseconds(50)), std::future_status::timeout);
  schedule.done(12 * MiB);
  EXPECT_EQ(second.get(), 1u);
  EXPECT_EQ(schedule.next(), std::nullopt);
}

}  // namespace
}  // namespace mdbc
