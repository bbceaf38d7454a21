// Specification of the Wikidata entity mapping, on the fixture in the real
// dump format and on single hand-made entities.
#include "server/wikidata_entity.h"

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

// The fixture's entities, by Q-id, parsed.
std::map<std::string, absl::StatusOr<std::optional<v1::Event>>> ParseFixture() {
  std::ifstream in(std::string(FACTCHECK_TEST_DATA_DIR) +
                   "/wikidata-fixture.json");
  std::stringstream content;
  content << in.rdbuf();
  EXPECT_FALSE(content.str().empty());
  WikidataEntityParser parser;
  std::map<std::string, absl::StatusOr<std::optional<v1::Event>>> parsed;
  for (absl::string_view line : absl::StrSplit(content.str(), '\n')) {
    if (line.empty() || line == "[" || line == "]") continue;
    absl::ConsumeSuffix(&line, ",");
    const std::size_t id_at = line.find("\"id\":\"") + 6;
    const std::string id(line.substr(id_at, line.find('"', id_at) - id_at));
    parsed.emplace(id, parser.Parse(line));
  }
  return parsed;
}

class WikidataFixtureTest : public testing::Test {
 protected:
  static void SetUpTestSuite() { parsed_ = new auto(ParseFixture()); }
  static void TearDownTestSuite() { delete parsed_; }

  // The event of fixture entity `qid`, which must be one.
  static v1::Event Event(const std::string& qid) {
    auto it = parsed_->find(qid);
    EXPECT_NE(it, parsed_->end()) << qid;
    if (it == parsed_->end()) return {};
    EXPECT_TRUE(it->second.ok()) << it->second.status();
    if (!it->second.ok() || !it->second->has_value()) {
      ADD_FAILURE() << qid << " is not an event";
      return {};
    }
    return **it->second;
  }
  static bool Ignored(const std::string& qid) {
    auto it = parsed_->find(qid);
    return it != parsed_->end() && it->second.ok() && !it->second->has_value();
  }

  static std::map<std::string, absl::StatusOr<std::optional<v1::Event>>>*
      parsed_;
};
std::map<std::string, absl::StatusOr<std::optional<v1::Event>>>*
    WikidataFixtureTest::parsed_ = nullptr;

TEST_F(WikidataFixtureTest, DayPrecisionEventHasEveryMappedField) {
  const v1::Event e = Event("Q99999001");
  EXPECT_EQ(e.id(), "wikidata-q99999001");
  EXPECT_EQ(e.title(), "Fixture event (day precision)");
  ASSERT_EQ(e.aliases_size(), 2);
  EXPECT_EQ(e.aliases(0), "Fixture day event");
  EXPECT_EQ(e.aliases(1), "the day fixture");
  EXPECT_EQ(e.type(), "wikidata:Q99999201");
  EXPECT_EQ(e.date().value(), "2022-02-24");
  EXPECT_FALSE(e.has_start());
  // P276 (location) wins over P17 (country).
  EXPECT_EQ(e.location(), "wikidata:Q99999302");
  EXPECT_EQ(e.origin(), "wikidata:Q99999001");
  ASSERT_EQ(e.citations_size(), 1);
  EXPECT_EQ(e.citations(0).url(), "https://www.wikidata.org/wiki/Q99999001");
  EXPECT_EQ(e.citations(0).title(), "Fixture event (day precision)");
  EXPECT_EQ(e.citations(0).publisher(), "Wikidata");
  EXPECT_EQ(e.citations(0).retrieved(), "2024-05-01");
  EXPECT_FALSE(e.has_series());
}

TEST_F(WikidataFixtureTest, MonthAndYearPrecisionsGiveMonthAndYearDates) {
  const v1::Event month = Event("Q99999002");
  EXPECT_EQ(month.date().value(), "2021-05");
  EXPECT_EQ(month.location(), "wikidata:Q99999301");  // P17 alone.
  EXPECT_EQ(Event("Q99999003").date().value(), "2019");
}

TEST_F(WikidataFixtureTest, StartAndEndTimesGiveALastingEvent) {
  const v1::Event e = Event("Q99999004");
  EXPECT_FALSE(e.has_date());
  EXPECT_EQ(e.start().value(), "2014-02-20");
  EXPECT_EQ(e.end().value(), "2014-03-18");
  // The deprecated participant is left out.
  ASSERT_EQ(e.participants_size(), 2);
  EXPECT_EQ(e.participants(0), "wikidata:Q99999401");
  EXPECT_EQ(e.participants(1), "wikidata:Q99999402");
}

TEST_F(WikidataFixtureTest, SeriesOrdinalComesFromTheP1545Qualifier) {
  const v1::Event e = Event("Q99999005");
  EXPECT_EQ(e.series().series(), "wikidata-q99999010");
  EXPECT_EQ(e.series().ordinal(), 19);
  EXPECT_EQ(e.date().value(), "2024-02-14");
}

TEST_F(WikidataFixtureTest, PreferredRankWinsAndDeprecatedIsIgnored) {
  EXPECT_EQ(Event("Q99999009").date().value(), "2020-06-15");
}

TEST_F(WikidataFixtureTest, JulianDayIsConvertedToGregorian) {
  EXPECT_EQ(Event("Q99999011").date().value(), "1582-10-15");
}

TEST_F(WikidataFixtureTest, EntitiesThatAreNotDatedEventsAreIgnored) {
  EXPECT_TRUE(Ignored("Q99999006"));  // No date.
  EXPECT_TRUE(Ignored("Q99999007"));  // No English label.
  EXPECT_TRUE(Ignored("Q99999008"));  // Decade precision only.
  EXPECT_TRUE(Ignored("P99999001"));  // A property.
}

TEST(WikidataEntityParserTest, SeriesOrdinalMayBeAMainSnakStatement) {
  WikidataEntityParser parser;
  const auto parsed = parser.Parse(
      R"({"type":"item","id":"Q5","labels":{"en":{"language":"en","value":"X"}},"claims":{)"
      R"("P179":[{"mainsnak":{"snaktype":"value","property":"P179","datavalue":{"value":{"entity-type":"item","numeric-id":7,"id":"Q7"},"type":"wikibase-entityid"},"datatype":"wikibase-item"},"type":"statement","rank":"normal"}],)"
      R"("P1545":[{"mainsnak":{"snaktype":"value","property":"P1545","datavalue":{"value":"3","type":"string"},"datatype":"string"},"type":"statement","rank":"normal"}],)"
      R"("P585":[{"mainsnak":{"snaktype":"value","property":"P585","datavalue":{"value":{"time":"+2001-00-00T00:00:00Z","timezone":0,"before":0,"after":0,"precision":9,"calendarmodel":"http://www.wikidata.org/entity/Q1985727"},"type":"time"},"datatype":"time"},"type":"statement","rank":"normal"}]}})");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_TRUE(parsed->has_value());
  EXPECT_EQ((*parsed)->series().series(), "wikidata-q7");
  EXPECT_EQ((*parsed)->series().ordinal(), 3);
  EXPECT_EQ((*parsed)->date().value(), "2001");
}

TEST(WikidataEntityParserTest, UnknownValuesAndEmptyMapsAreNotErrors) {
  WikidataEntityParser parser;
  // "somevalue" dates are not usable; `[]` stands for an empty map.
  const auto parsed = parser.Parse(
      R"({"type":"item","id":"Q6","labels":{"en":{"language":"en","value":"Y"}},"aliases":[],"claims":{)"
      R"("P585":[{"mainsnak":{"snaktype":"somevalue","property":"P585","datatype":"time"},"type":"statement","rank":"normal"}]}})");
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_FALSE(parsed->has_value());
  const auto no_claims = parser.Parse(
      R"({"type":"item","id":"Q8","labels":[],"descriptions":[],"aliases":[],"claims":[]})");
  ASSERT_TRUE(no_claims.ok()) << no_claims.status();
  EXPECT_FALSE(no_claims->has_value());
}

TEST(WikidataEntityParserTest, InvalidJsonAndNonEntitiesAreErrors) {
  WikidataEntityParser parser;
  const auto truncated = parser.Parse(R"({"type":"item","id":"Q1","labels":{)");
  ASSERT_FALSE(truncated.ok());
  EXPECT_TRUE(absl::StartsWith(truncated.status().message(), "not valid JSON"))
      << truncated.status();
  const auto text = parser.Parse("not json");
  EXPECT_FALSE(text.ok());
  const auto array = parser.Parse("[1,2]");
  ASSERT_FALSE(array.ok());
  EXPECT_EQ(array.status().message(), "not a JSON object");
  const auto no_id = parser.Parse(R"({"type":"item"})");
  ASSERT_FALSE(no_id.ok());
  EXPECT_TRUE(absl::StrContains(no_id.status().message(), "no \"id\""));
  const auto bad_id = parser.Parse(R"({"type":"item","id":"Q1x"})");
  EXPECT_FALSE(bad_id.ok());
}

TEST(WikidataTimeToTimexTest, MapsPrecisionsAndRefusesWhatIsNotUsable) {
  constexpr absl::string_view kGregorian =
      "http://www.wikidata.org/entity/Q1985727";
  EXPECT_EQ(WikidataTimeToTimex("+2022-02-24T00:00:00Z", 11, kGregorian),
            "2022-02-24");
  // Finer than a day is cut to the day.
  EXPECT_EQ(WikidataTimeToTimex("+2022-02-24T13:45:00Z", 14, kGregorian),
            "2022-02-24");
  EXPECT_EQ(WikidataTimeToTimex("+2022-02-00T00:00:00Z", 10, kGregorian),
            "2022-02");
  EXPECT_EQ(WikidataTimeToTimex("+2022-00-00T00:00:00Z", 9, kGregorian),
            "2022");
  EXPECT_EQ(WikidataTimeToTimex("+2020-00-00T00:00:00Z", 8, kGregorian),
            std::nullopt);
  EXPECT_EQ(WikidataTimeToTimex("-0044-03-15T00:00:00Z", 11, kGregorian),
            std::nullopt);
  EXPECT_EQ(WikidataTimeToTimex("+12022-01-01T00:00:00Z", 9, kGregorian),
            std::nullopt);
  EXPECT_EQ(WikidataTimeToTimex("+2023-02-30T00:00:00Z", 11, kGregorian),
            std::nullopt);
  EXPECT_EQ(WikidataTimeToTimex("+2022-02-00T00:00:00Z", 11, kGregorian),
            std::nullopt);
  EXPECT_EQ(WikidataTimeToTimex("+1917-10-25T00:00:00Z", 11,
                                "http://www.wikidata.org/entity/Q1985786"),
            "1917-11-07");
}

}  // namespace
}  // namespace factcheck
