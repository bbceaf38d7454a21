#include "engine/document/words.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

// Each word as (its text, its normalised form).
std::vector<std::pair<std::string, std::string>> Split(
    const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Word& w : SplitWords(text)) {
    out.emplace_back(text.substr(w.begin, w.end - w.begin), w.norm);
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(SplitWordsTest, SplitsAtSpacesPunctuationHyphensAndDashes) {
  EXPECT_EQ(Split("The full-scale invasion—in February 2022."),
            (Pairs{{"The", "the"},
                   {"full", "full"},
                   {"scale", "scale"},
                   {"invasion", "invasion"},
                   {"in", "in"},
                   {"February", "february"},
                   {"2022", "2022"}}));
}

TEST(SplitWordsTest, KeepsNonAsciiLettersAndDropsPossessives) {
  // "Zelenskyy's" and "Kyiv’s": the possessive goes, with either
  // apostrophe; "Düsseldorf" keeps its letter; "don't" splits.
  EXPECT_EQ(Split("Zelenskyy's aide met Kyiv’s mayor in Düsseldorf, "
                  "don't"),
            (Pairs{{"Zelenskyy", "zelenskyy"},
                   {"aide", "aide"},
                   {"met", "met"},
                   {"Kyiv", "kyiv"},
                   {"mayor", "mayor"},
                   {"in", "in"},
                   {"Düsseldorf", "düsseldorf"},
                   {"don", "don"},
                   {"t", "t"}}));
}

TEST(SplitWordsTest, FindsWordsOfEveryLength) {
  // Words of 1 to 40 letters and digits (read sixteen bytes at a time),
  // some with a non-ASCII letter inside, between separators of all kinds.
  const std::vector<std::string> separators = {" ", ", ", "—",       "\n",
                                               "-", ". ", "\xC2\xA0"};
  std::string text;
  std::vector<std::string> expected;
  for (int length = 1; length <= 40; ++length) {
    std::string word;
    for (int k = 0; k < length; ++k) word += "a1B2c3D4e5"[k % 10];
    if (length % 3 == 0) word.insert(word.size() / 2, "ß");
    text += word + separators[length % separators.size()];
    for (char& c : word) c = (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
    expected.push_back(word);
  }
  std::vector<std::string> norms;
  for (const auto& [word, norm] : Split(text)) norms.push_back(norm);
  EXPECT_EQ(norms, expected);
}

TEST(SplitWordsTest, MapsBritishSpellingsToAmericanOnes) {
  EXPECT_EQ(Split("Defence Programme"),
            (Pairs{{"Defence", "defense"}, {"Programme", "program"}}));
}

TEST(SplitWordsTest, CaseFoldsAsciiCapitalsAtEveryOffset) {
  // Capitals, the bytes either side of 'A'..'Z' ('@', '[', '`', '{') and
  // multi-byte letters at every offset modulo eight: the text is folded
  // eight bytes at a time.
  std::string text;
  for (int i = 0; i < 24; ++i) {
    text += std::string(static_cast<std::size_t>(i % 8), 'Q');
    text += i % 2 == 0 ? "ÉtatZ@[`{AzZ " : "Ωmega ZULU ";
  }
  ASSERT_EQ(Split(text).size(), 48u);  // Two words each time.
  for (const auto& [word, norm] : Split(text)) {
    std::string lower;
    for (char c : word) lower += (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c;
    EXPECT_EQ(norm, lower) << word;
  }
  EXPECT_EQ(Split("QQQÉtatZ@[`{AzZ").back(),
            (std::pair<std::string, std::string>{"AzZ", "azz"}));
  EXPECT_EQ(Split("QQQÉtatZ@[`{AzZ").front(),
            (std::pair<std::string, std::string>{"QQQÉtatZ", "qqqÉtatz"}));
}

}  // namespace
}  // namespace factcheck
