#include "client/resources.h"

#include <string>

#include "client/table.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

TEST(ClaimRowTest, ShowsVerdictEventAndBothDates) {
  v1::Finding finding;
  finding.mutable_claim()->set_name("sources/ab12/claims/3");
  finding.mutable_claim()->set_event("events/full-scale-invasion");
  finding.mutable_claim()->set_claimed_text("February 2024");
  finding.mutable_claim()->mutable_claimed_date()->set_value("2024-02");
  finding.set_verdict(v1::CONTRADICTED);
  finding.mutable_reference_date()->set_value("2022-02-24");
  EXPECT_EQ(RenderTable({ClaimRow(finding)}),
            "sources/ab12/claims/3  CONTRADICTED  events/full-scale-invasion  "
            "\"February 2024\" (2024-02) vs 2022-02-24\n");
}

TEST(EventWhenTest, WritesDatesRangesAndUndatedSeries) {
  v1::Event event;
  EXPECT_EQ(EventWhen(event), "-");
  event.mutable_start()->set_value("2022-02-24");
  EXPECT_EQ(EventWhen(event), "2022-02-24..");
  event.mutable_end()->set_value("2022-03-01");
  EXPECT_EQ(EventWhen(event), "2022-02-24..2022-03-01");
  event.mutable_date()->set_value("2024-01-18");
  EXPECT_EQ(EventWhen(event), "2024-01-18");
}

TEST(RenderTableTest, AlignsColumnsByCodePoints) {
  EXPECT_EQ(RenderTable(
                {{"events/é", "2024", "A"}, {"events/ab", "2022-02-24", "B"}}),
            "events/é   2024        A\n"
            "events/ab  2022-02-24  B\n");
}

TEST(SourceRowTest, ShowsCountsUrlAndTitle) {
  v1::Source source;
  source.set_name("sources/ab12");
  source.set_published_date("2024-02-14");
  source.set_claim_count(1);
  source.set_contradicted_count(0);
  source.set_url("https://example.org/a");
  source.set_title("Coalition");
  EXPECT_EQ(RenderTable({SourceRow(source)}),
            "sources/ab12  2024-02-14  1 claim  0 contradicted  "
            "https://example.org/a  \"Coalition\"\n");
}

TEST(RenderEventTest, ListsSetFieldsOnly) {
  v1::Event event;
  event.set_name("events/full-scale-invasion");
  event.set_title("Russian full-scale invasion of Ukraine");
  event.mutable_start()->set_value("2022-02-24");
  event.add_aliases("the full-scale invasion");
  event.add_aliases("the invasion");
  v1::Citation& citation = *event.add_citations();
  citation.set_url("https://en.wikipedia.org/wiki/Russian_invasion_of_Ukraine");
  citation.set_retrieved("2024-11-20");
  EXPECT_EQ(RenderEvent(event),
            "events/full-scale-invasion\n"
            "  title: Russian full-scale invasion of Ukraine\n"
            "  when: 2022-02-24..\n"
            "  aliases: the full-scale invasion; the invasion\n"
            "  citation: https://en.wikipedia.org/wiki/"
            "Russian_invasion_of_Ukraine  (retrieved 2024-11-20)\n");
}

}  // namespace
}  // namespace factcheck::client
