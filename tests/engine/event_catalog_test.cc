#include "engine/events/event_catalog.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace factcheck {
namespace {

ReferenceEvent Event(std::string id, std::string title,
                     std::vector<std::string> aliases, std::string date) {
  ReferenceEvent e;
  e.id = std::move(id);
  e.title = std::move(title);
  e.aliases = std::move(aliases);
  if (!date.empty()) e.date = *PartialDate::FromTimex(date);
  e.citations.push_back({"https://example.org/" + e.id, "", "", ""});
  return e;
}

std::shared_ptr<const EventCatalog> Catalog() {
  std::vector<ReferenceEvent> events;
  ReferenceEvent invasion =
      Event("invasion", "Russian full-scale invasion of Ukraine",
            {"the full-scale invasion"}, "");
  invasion.start = *PartialDate::FromTimex("2022-02-24");
  events.push_back(invasion);
  ReferenceEvent series =
      Event("udcg", "Ukraine Defense Contact Group",
            {"Contact Group on Ukraine's Defence", "Ramstein"}, "");
  series.type = "series";
  events.push_back(series);
  for (int n : {17, 19, 21}) {
    ReferenceEvent m =
        Event("udcg-" + std::to_string(n), "Meeting " + std::to_string(n), {},
              n == 17   ? "2023-11-22"
              : n == 19 ? "2024-02-14"
                        : "2024-04-26");
    m.series_id = "udcg";
    m.ordinal = n;
    events.push_back(m);
  }
  auto catalog = EventCatalog::Build(std::move(events));
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return *catalog;
}

std::vector<std::string> MentionTexts(const EventCatalog& catalog,
                                      const std::string& text) {
  std::vector<std::string> out;
  for (const EventMention& m : catalog.FindMentions(text)) {
    std::string ids;
    for (int c : m.candidates) ids += catalog.events()[c].id + ",";
    out.push_back(text.substr(m.begin, m.end - m.begin) + "=" + ids);
  }
  return out;
}

TEST(EventMatcherTest, MatchesCaseHyphenAndSpaceVariants) {
  auto catalog = Catalog();
  EXPECT_EQ(MentionTexts(*catalog, "Since the Full Scale Invasion began"),
            (std::vector<std::string>{"Full Scale Invasion=invasion,"}));
  EXPECT_EQ(MentionTexts(*catalog, "the full-scale invasion."),
            (std::vector<std::string>{"full-scale invasion=invasion,"}));
}

TEST(EventMatcherTest, MatchesWholeWordsOnly) {
  auto catalog = Catalog();
  EXPECT_TRUE(MentionTexts(*catalog, "the full-scale invasionism").empty());
  EXPECT_TRUE(MentionTexts(*catalog, "Ramsteiner beer").empty());
}

TEST(EventMatcherTest,
     MatchesPossessivesAndBritishSpellingsWithCurlyApostrophes) {
  auto catalog = Catalog();
  const std::string text =
      "the 19th meeting of the Contact Group on Ukraine’s Defense in Brussels";
  EXPECT_EQ(
      MentionTexts(*catalog, text),
      (std::vector<std::string>{
          "19th meeting of the Contact Group on Ukraine’s Defense=udcg-19,"}));
}

TEST(EventMatcherTest, ResolvesSeriesMembersByOrdinalBeforeTheName) {
  auto catalog = Catalog();
  EXPECT_EQ(MentionTexts(*catalog, "at the seventeenth Ramstein meeting"),
            (std::vector<std::string>{"seventeenth Ramstein=udcg-17,"}));
  EXPECT_EQ(
      MentionTexts(*catalog, "the twenty-first meeting of Ramstein"),
      (std::vector<std::string>{"twenty-first meeting of Ramstein=udcg-21,"}));
}

TEST(EventMatcherTest, SeriesWithoutOrdinalIsASeriesOnlyMention) {
  auto catalog = Catalog();
  const auto mentions = catalog->FindMentions("a meeting in Ramstein format");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_TRUE(mentions[0].series_only);
  EXPECT_TRUE(mentions[0].candidates.empty());
}

TEST(EventMatcherTest, ResolvesSeriesMembersByTheYearWrittenWithTheName) {
  auto catalog = Catalog();
  // The year is part of the name, before it or after it; a year of two
  // members names both.
  EXPECT_EQ(MentionTexts(*catalog, "the Ramstein 2023 talks"),
            (std::vector<std::string>{"Ramstein 2023=udcg-17,"}));
  EXPECT_EQ(MentionTexts(*catalog, "the 2024 Ramstein talks"),
            (std::vector<std::string>{"2024 Ramstein=udcg-19,udcg-21,"}));
  // A year of no member leaves a mention of the series alone.
  const auto mentions = catalog->FindMentions("the Ramstein 2019 talks");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_TRUE(mentions[0].series_only);
  EXPECT_EQ(mentions[0].end - mentions[0].begin, 8u);  // "Ramstein"
}

TEST(EventMatcherTest, UnknownOrdinalGivesNoCandidate) {
  auto catalog = Catalog();
  const auto mentions = catalog->FindMentions("the 40th Ramstein meeting");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_TRUE(mentions[0].candidates.empty());
}

TEST(EventMatcherTest, BuildRejectsDuplicateIdsAndInvalidEvents) {
  std::vector<ReferenceEvent> events = {Event("a", "A", {}, "2020"),
                                        Event("a", "B", {}, "2021")};
  EXPECT_EQ(EventCatalog::Build(events).status().message(),
            "duplicate event id 'a'");
  events = {Event("a", "", {}, "2020")};
  EXPECT_EQ(EventCatalog::Build(events).status().message(),
            "event 'a': title is required");
}

std::vector<std::string> SearchIds(const EventCatalog& catalog,
                                   const std::string& query, int limit = 10) {
  std::vector<std::string> ids;
  for (const EventSearchHit& hit : catalog.Search(query, limit)) {
    ids.push_back(catalog.events()[hit.event].id + "@" + hit.matched_name);
  }
  return ids;
}

TEST(EventSearchTest, RanksByWordsMatchedThenExactThenShorterNames) {
  auto catalog = Catalog();
  EXPECT_EQ(
      SearchIds(*catalog, "Meeting 19"),
      (std::vector<std::string>{"udcg-19@Meeting 19", "udcg-17@Meeting 17",
                                "udcg-21@Meeting 21"}));
  EXPECT_EQ(SearchIds(*catalog, "full scale", 1),
            (std::vector<std::string>{"invasion@the full-scale invasion"}));
  const auto hits = catalog->Search("ukraine's defence contact", 5);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(catalog->events()[hits[0].event].id, "udcg");
  // Both names hold all three words; the shorter wins.
  EXPECT_EQ(hits[0].matched_name, "Ukraine Defense Contact Group");
  EXPECT_FLOAT_EQ(hits[0].score, 1.0f);
  // Only "Ukraine" of the query is in the invasion's title.
  EXPECT_EQ(catalog->events()[hits[1].event].id, "invasion");
  EXPECT_NEAR(hits[1].score, 1.0f / 3, 1e-6);
}

TEST(EventSearchTest, NamesTheFirstListedOfEquallyMatchedNames) {
  // Three aliases of one event match "dam" equally: the first listed is
  // the match, every time.
  std::vector<ReferenceEvent> events = {Event(
      "dam", "Destruction of the Kakhovka Dam",
      {"Kakhovka dam breach", "Kakhovka dam collapse", "Nova Kakhovka dam"},
      "2023-06-06")};
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  for (int k = 0; k < 20; ++k) {
    const std::vector<EventSearchHit> hits =
        (*catalog)->Search("kakhovka dam", 5);
    ASSERT_EQ(hits.size(), 1u);
    EXPECT_EQ(hits[0].matched_name, "Kakhovka dam breach");
  }
}

TEST(EventSearchTest, FindsNothingForUnknownWords) {
  auto catalog = Catalog();
  EXPECT_TRUE(catalog->Search("zeppelin", 10).empty());
  EXPECT_TRUE(catalog->Search("", 10).empty());
  EXPECT_TRUE(catalog->Search("the", 10).empty());
}

TEST(EventMatcherTest, SurvivesHostileText) {
  auto catalog = Catalog();
  EXPECT_TRUE(catalog->FindMentions("").empty());
  EXPECT_TRUE(catalog->FindMentions(std::string("\xff\xfe\0\x80", 4)).empty());
  EXPECT_TRUE(catalog->FindMentions(std::string(100000, 'x')).empty());
  EXPECT_TRUE(catalog->FindMentions("’s ’s 's").empty());
}

// Events for the loose matches: names as the reference lists them, text
// as copy writes it.
std::shared_ptr<const EventCatalog> LooseCatalog() {
  std::vector<ReferenceEvent> events;
  ReferenceEvent invasion =
      Event("invasion", "Russian invasion of Ukraine", {}, "");
  invasion.start = *PartialDate::FromTimex("2022-02-24");
  events.push_back(invasion);
  events.push_back(Event("kabul", "Fall of Kabul", {}, "2021-08-15"));
  events.push_back(
      Event("election-2020", "2020 presidential election", {}, "2020-11-03"));
  events.push_back(Event("cup-2018", "2018 FIFA World Cup", {}, "2018-06-14"));
  events.push_back(
      Event("talks-2022", "Russia-Ukraine talks in Istanbul", {}, "2022-03-29"));
  events.push_back(Event("talks-2025", "Istanbul talks between Ukraine and "
                                       "Russia", {}, "2025-05-16"));
  events.push_back(Event("crimea", "Annexation of Crimea", {}, "2014-03-18"));
  auto catalog = EventCatalog::Build(std::move(events));
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return *catalog;
}

TEST(EventMatcherTest, FindsNamesWrittenWithVerbsAndInflections) {
  auto catalog = LooseCatalog();
  EXPECT_EQ(MentionTexts(*catalog, "when Russia invaded Ukraine in 2022"),
            (std::vector<std::string>{"Russia invaded Ukraine=invasion,"}));
  EXPECT_EQ(MentionTexts(*catalog, "Russia's invasions of Ukraine"),
            (std::vector<std::string>{"Russia's invasions of Ukraine=invasion,"}));
  // Reordered, with words between: "fall" as the irregular "fell".
  EXPECT_EQ(MentionTexts(*catalog, "Kabul fell to the Taliban"),
            (std::vector<std::string>{"Kabul fell=kabul,"}));
  // "annexed" through the listed addition annexation / annex.
  EXPECT_EQ(MentionTexts(*catalog, "Russia annexed Crimea in 2014"),
            (std::vector<std::string>{"annexed Crimea=crimea,"}));
}

TEST(EventMatcherTest, LooseNamesNeedOneOwnWordAndOneSentence) {
  auto catalog = LooseCatalog();
  // "president" and "elect" are only derivations of the name's words.
  EXPECT_TRUE(
      MentionTexts(*catalog, "President-elect Joe Biden in 2020").empty());
  // The year is the name's too, but the mention is its words: a date the
  // text writes is left to the claim.
  EXPECT_EQ(MentionTexts(*catalog, "the presidential election of 2020"),
            (std::vector<std::string>{"presidential election=election-2020,"}));
  // The words of a name in two sentences name nothing.
  EXPECT_TRUE(MentionTexts(*catalog, "Kabul is quiet. The fall came.").empty());
}

TEST(EventMatcherTest, AnotherYearBesideALooseNameIsAnotherEdition) {
  auto catalog = LooseCatalog();
  EXPECT_EQ(MentionTexts(*catalog, "the FIFA World Cup in 2018 was won by France"),
            (std::vector<std::string>{"FIFA World Cup=cup-2018,"}));
  EXPECT_TRUE(MentionTexts(*catalog, "the FIFA World Cup in 2022").empty());
  // The 1951 election's name needs its year: two words would name any.
  EXPECT_TRUE(MentionTexts(*catalog, "the presidential election").empty());
}

TEST(EventMatcherTest, NamesThatFitEquallyGiveOneMentionOfBoth) {
  auto catalog = LooseCatalog();
  EXPECT_EQ(MentionTexts(*catalog, "talks in Istanbul between Russia and "
                                   "Ukraine"),
            (std::vector<std::string>{
                "talks in Istanbul between Russia and Ukraine=talks-2022,"
                "talks-2025,"}));
}

TEST(EventMatcherTest, AnExactNameWinsOverALooseOneItOverlaps) {
  auto catalog = Catalog();
  // "the full-scale invasion" is an alias; the title's words around it
  // ("Russian ... Ukraine") do not make a second, loose mention.
  EXPECT_EQ(MentionTexts(*catalog,
                         "Russian forces began the full-scale invasion of "
                         "Ukraine"),
            (std::vector<std::string>{"full-scale invasion=invasion,"}));
}

TEST(EventMatcherTest, ALooseNameTakesTheWordsOfABareSeriesName) {
  std::vector<ReferenceEvent> events;
  ReferenceEvent programme = Event("chandrayaan", "Chandrayaan programme",
                                   {"Chandrayaan"}, "");
  programme.type = "series";
  events.push_back(programme);
  ReferenceEvent launch =
      Event("launch-3", "Chandrayaan-3 launch", {}, "2023-07-14");
  launch.series_id = "chandrayaan";
  launch.ordinal = 3;
  events.push_back(launch);
  events.push_back(
      Event("landing-3", "Chandrayaan-3 Moon landing", {}, "2023-08-23"));
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  // The landing is no member of the programme: its loose name wins.
  EXPECT_EQ(MentionTexts(**catalog,
                         "Chandrayaan-3 successfully landed on the Moon."),
            (std::vector<std::string>{
                "Chandrayaan-3 successfully landed on the Moon=landing-3,"}));
  // The launch is a member: the series's own reading stands (here, no
  // ordinal before the name: a mention of the programme alone).
  const std::vector<EventMention> mentions =
      (*catalog)->FindMentions("Chandrayaan-3 was launched.");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_TRUE(mentions[0].series_only);
}

TEST(EventMatcherTest, NamesThatOverlapButFitOtherWordsAreTwoMentions) {
  std::vector<ReferenceEvent> events = {
      Event("benedict", "Resignation of Pope Benedict XVI", {}, "2013-02-28"),
      Event("gregory", "Resignation of Pope Gregory XII", {}, "1415")};
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_EQ(MentionTexts(**catalog,
                         "Pope Benedict XVI will resign, as Pope Gregory XII "
                         "resigned."),
            (std::vector<std::string>{"Pope Benedict XVI will resign=benedict,",
                                      "Pope Gregory XII resigned=gregory,"}));
}

TEST(EventMatcherTest, ANameOfDateWordsAloneIsMatchedAsWrittenOnly) {
  std::vector<ReferenceEvent> events = {
      Event("capitol", "Capitol attack", {"Jan. 6"}, "2021-01-06")};
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  EXPECT_EQ(MentionTexts(**catalog, "It was Jan. 6 again."),
            (std::vector<std::string>{"Jan. 6=capitol,"}));
  EXPECT_TRUE(
      MentionTexts(**catalog, "Jan 8, 2023 looked like a 6-hour siege.")
          .empty());
}

TEST(EventMatcherTest, NamesWhoseRarestWordIsCommonAreStillFound) {
  // 70 events whose name's every word all of them share: the anchor word is
  // crowded, and the names are found through their two rarest words.
  std::vector<ReferenceEvent> events;
  for (int n = 0; n < 70; ++n) {
    events.push_back(Event("treaty-" + std::to_string(n),
                           "Harbour treaty signing", {}, "2001-02-03"));
  }
  auto catalog = EventCatalog::Build(std::move(events));
  ASSERT_TRUE(catalog.ok()) << catalog.status();
  const std::vector<EventMention> mentions =
      (*catalog)->FindMentions("The treaty on the harbour was signed.");
  ASSERT_EQ(mentions.size(), 1u);
  EXPECT_EQ(mentions[0].candidates.size(), 70u);
  EXPECT_TRUE(mentions[0].loose);
}

}  // namespace
}  // namespace factcheck
