#include "engine/events/lexicon.h"

#include <algorithm>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

bool Has(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

TEST(LexiconTest, BasesUndoRegularAndIrregularInflections) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_EQ(lexicon.Bases("invaded"), (std::vector<std::string>{"invade"}));
  EXPECT_TRUE(Has(lexicon.Bases("fell"), "fall"));  // verb.exc
  EXPECT_TRUE(Has(lexicon.Bases("talks"), "talk"));
  EXPECT_TRUE(Has(lexicon.Bases("stopped"), "stop"));  // Doubled consonant.
  EXPECT_TRUE(Has(lexicon.Bases("struck"), "strike"));
  EXPECT_TRUE(lexicon.Bases("zawahiri").empty());
}

TEST(LexiconTest, FamiliesFollowWordNetsDerivationsAndPertainyms) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_TRUE(Has(lexicon.Family("invasion"), "invade"));
  EXPECT_TRUE(Has(lexicon.Family("death"), "die"));
  EXPECT_TRUE(Has(lexicon.Family("resignation"), "resign"));
  EXPECT_TRUE(Has(lexicon.Family("ukrainian"), "ukraine"));  // Pertainym.
  EXPECT_TRUE(Has(lexicon.Family("russian"), "russia"));
  // A word WordNet lacks is its own family.
  EXPECT_EQ(lexicon.Family("zawahiri"), (std::vector<std::string>{"zawahiri"}));
}

// Each pair of engine/events/lexicon_additions.tsv, both ways.
TEST(LexiconTest, ListedAdditionsFillWordNetsGaps) {
  const Lexicon& lexicon = Lexicon::Get();
  EXPECT_TRUE(Has(lexicon.Family("annexation"), "annex"));
  EXPECT_TRUE(Has(lexicon.Family("annexed"), "annexation"));
  EXPECT_TRUE(Has(lexicon.Family("crimean"), "crimea"));
  EXPECT_TRUE(Has(lexicon.Family("crimea"), "crimean"));
}

TEST(LexiconTest, FormsGenerateInflectionsOfEachPartOfSpeech) {
  const Lexicon& lexicon = Lexicon::Get();
  const std::vector<std::string> invade = lexicon.Forms("invade");
  for (const char* w : {"invade", "invades", "invaded", "invading"}) {
    EXPECT_TRUE(Has(invade, w)) << w;
  }
  const std::vector<std::string> plan = lexicon.Forms("plan");
  EXPECT_TRUE(Has(plan, "planned"));
  EXPECT_TRUE(Has(plan, "planning"));
  EXPECT_TRUE(Has(lexicon.Forms("fall"), "fell"));
  EXPECT_TRUE(Has(lexicon.Forms("die"), "dying"));
  EXPECT_TRUE(Has(lexicon.Forms("bury"), "buried"));
  EXPECT_TRUE(Has(lexicon.Forms("crisis"), "crises"));  // noun.exc
}

}  // namespace
}  // namespace factcheck
