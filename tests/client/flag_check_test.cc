#include "client/flag_check.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/status/status.h"
#include "gtest/gtest.h"

ABSL_FLAG(std::optional<int>, test_page_size, std::nullopt, "for tests");
ABSL_FLAG(bool, test_json, false, "for tests");

namespace factcheck::client {
namespace {

absl::Status Check(std::vector<std::string> args) {
  args.insert(args.begin(), "factcheck");
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  return CheckFlags(static_cast<int>(argv.size()), argv.data());
}

TEST(CheckFlagsTest, AcceptsDefinedFlagsAnywhere) {
  EXPECT_TRUE(
      Check({"check", "--test_page_size=5", "a.txt", "--test_json"}).ok());
  EXPECT_TRUE(Check({"-test_page_size", "7", "-", "--notest_json"}).ok());
}

TEST(CheckFlagsTest, NamesAnUnknownFlag) {
  EXPECT_EQ(Check({"check", "--bogus=1"}).message(), "unknown flag --bogus");
  EXPECT_EQ(Check({"--notest_page_size"}).message(),
            "unknown flag --notest_page_size");
}

TEST(CheckFlagsTest, RejectsBadAndMissingValues) {
  EXPECT_EQ(Check({"--test_page_size=ten"}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Check({"--test_json=maybe"}).code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(Check({"--test_page_size"}).message(),
            "flag --test_page_size needs a value");
}

TEST(CheckFlagsTest, LeavesArgumentsAfterDoubleDashAlone) {
  EXPECT_TRUE(Check({"check", "--", "--not-a-flag.txt"}).ok());
}

}  // namespace
}  // namespace factcheck::client
