#include "engine/events/word_index.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

TEST(WordIndexTest, NumbersWordsInOrderOfAdditionAndFindsThem) {
  WordIndex index;
  EXPECT_EQ(index.Find("invasion"), WordIndex::kNotFound);
  EXPECT_EQ(index.Add("invasion"), 0u);
  EXPECT_EQ(index.Add("full"), 1u);
  EXPECT_EQ(index.Add("scale"), 2u);
  // Adding a word again gives its number and adds nothing.
  EXPECT_EQ(index.Add("full"), 1u);
  EXPECT_EQ(index.size(), 3u);
  EXPECT_EQ(index.Find("invasion"), 0u);
  EXPECT_EQ(index.Find("scale"), 2u);
  EXPECT_EQ(index.Find("invasions"), WordIndex::kNotFound);
  EXPECT_EQ(index.Find(""), WordIndex::kNotFound);
}

TEST(WordIndexTest, TellsApartWordsThatShareTheirFirstAndLastBytes) {
  // The index keys a word by its first and last eight bytes (fewer for a
  // short word) and its length; words alike in those, and lengths around
  // the loads' sizes, must still differ.
  WordIndex index;
  const std::vector<std::string> words = {
      "internationalisation", "internationalization", "international", "a",
      "ab", "abc", "abd", "abcd", "abce", "abcdefg", "abcdefgh", "abcdefghi",
      "abcdefgz", "zbcdefgh", "", "ramstein", "ramsteins",
      // Longer than 16 bytes, alike in their first and last eight.
      "abcdefgh-one-ijklmnop", "abcdefgh-two-ijklmnop"};
  for (std::size_t k = 0; k < words.size(); ++k) {
    EXPECT_EQ(index.Add(words[k]), k) << words[k];
  }
  for (std::size_t k = 0; k < words.size(); ++k) {
    EXPECT_EQ(index.Find(words[k]), k) << words[k];
  }
  EXPECT_EQ(index.Find("internationalisatioN"), WordIndex::kNotFound);
  EXPECT_EQ(index.Find("abcdefgi"), WordIndex::kNotFound);
}

TEST(WordIndexTest, KeepsEveryNumberAsItGrows) {
  WordIndex index;
  for (int k = 0; k < 5000; ++k) {
    ASSERT_EQ(index.Add(absl::StrCat("word", k)), static_cast<unsigned>(k));
  }
  for (int k = 0; k < 5000; ++k) {
    EXPECT_EQ(index.Find(absl::StrCat("word", k)), static_cast<unsigned>(k));
  }
  EXPECT_EQ(index.Find("word5000"), WordIndex::kNotFound);
  EXPECT_EQ(index.size(), 5000u);
}

}  // namespace
}  // namespace factcheck
