// The engine alone, on one thread: how many times a second the Checker
// checks the seed article (tests/data/seed-article.txt) against the bundled
// reference events (data/events.jsonl), and how that time splits between
// its stages:
//   BM_CheckSeedArticle   Checker::Check, the whole check CheckText runs.
//   BM_ReadSeedArticle    stage 1, the document: ReadDocument (validation,
//                         words, sentences).
//   BM_TagSeedArticle     stage 2, time expressions: TemporalTagger::Tag.
//   BM_MatchSeedArticle   stage 3, event mentions:
//                         EventCatalog::FindMentionsInWords over the
//                         document's words, loose names within the
//                         sentences that hold a time expression.
//   BM_CheckFoundSeedArticle
//                         stages 4 to 6: Checker::CheckFound, which
//                         attaches dates to mentions, judges the claims and
//                         runs the document checks.
// The stages add up to the whole: each is given what the stages before it
// made, as Check gives it.
//
// Counters: items_per_second is checks (or stage runs) per second,
// bytes_per_second the article's bytes per second, claims_per_second the
// findings those checks produce per second.
//
//   build/bench/factcheck_engine_benchmark [--benchmark_... flags]
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "benchmark/benchmark.h"
#include "client/document.h"
#include "engine/checker.h"
#include "engine/document/text.h"
#include "engine/document/words.h"
#include "engine/events/event_catalog.h"
#include "engine/events/reference_event.h"
#include "server/event_lines.h"
#include "server/event_records.h"

namespace factcheck {
namespace {

// The seed article as CheckText receives it: the text after the date
// header, and that date.
struct Article {
  std::string text;
  absl::CivilDay published;
};

[[noreturn]] void Fail(const std::string& message) {
  std::fprintf(stderr, "engine_benchmark: %s\n", message.c_str());
  std::exit(2);
}

const Article& SeedArticle() {
  static const Article* const article = [] {
    absl::StatusOr<client::Document> document = client::LoadDocument(
        FACTCHECK_TEST_DATA_DIR "/seed-article.txt", std::nullopt);
    if (!document.ok()) Fail(std::string(document.status().message()));
    absl::CivilDay day;
    if (!absl::ParseCivilTime(document->published_date, &day)) {
      Fail("the seed article's date header is not a date");
    }
    return new Article{std::string(document->text()), day};
  }();
  return *article;
}

// A Checker over the bundled reference events, built as the server builds
// its own.
const Checker& BundledChecker() {
  static const Checker* const checker = [] {
    absl::StatusOr<std::string> content =
        client::ReadInput(FACTCHECK_DATA_DIR "/events.jsonl");
    if (!content.ok()) Fail(std::string(content.status().message()));
    EventLineReader reader;
    reader.Feed(*content);
    reader.Finish();
    if (absl::Status s = reader.status(); !s.ok()) {
      Fail(std::string(s.message()));
    }
    std::vector<ReferenceEvent> events;
    for (const v1::Event& e : reader.events()) {
      events.push_back(ToReferenceEvent(e));
    }
    absl::StatusOr<std::shared_ptr<const EventCatalog>> catalog =
        EventCatalog::Build(std::move(events));
    if (!catalog.ok()) Fail(std::string(catalog.status().message()));
    return new Checker(*std::move(catalog));
  }();
  return *checker;
}

void SetRates(benchmark::State& state, std::size_t claims) {
  const Article& article = SeedArticle();
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(article.text.size()));
  state.counters["claims_per_second"] = benchmark::Counter(
      static_cast<double>(claims) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}

const Document& SeedDocument() {
  static const Document* const doc = [] {
    const Article& article = SeedArticle();
    absl::StatusOr<Document> d = ReadDocument(article.text, article.published);
    if (!d.ok()) {
      std::fprintf(stderr, "the seed article does not read: %s\n",
                   std::string(d.status().message()).c_str());
      std::exit(1);
    }
    return new Document(*std::move(d));
  }();
  return *doc;
}

// Stage 3 as Check runs it on the seed article tagged as `times`.
std::vector<EventMention> MatchAsCheckDoes(
    const Checker& checker, const std::vector<TimeExpression>& times) {
  const Document& doc = SeedDocument();
  return checker.catalog().FindMentionsInWords(doc.words,
                                               SentencesWithClaims(doc, times));
}

void BM_CheckSeedArticle(benchmark::State& state) {
  const Article& article = SeedArticle();
  const Checker& checker = BundledChecker();
  std::size_t claims = 0;
  for (auto _ : state) {
    absl::StatusOr<CheckResult> result =
        checker.Check(article.text, article.published);
    if (!result.ok()) {
      state.SkipWithError("the seed article does not check");
      return;
    }
    claims = result->findings.size();
    benchmark::DoNotOptimize(result);
  }
  SetRates(state, claims);
  state.counters["claims"] = static_cast<double>(claims);
}
BENCHMARK(BM_CheckSeedArticle);

void BM_ReadSeedArticle(benchmark::State& state) {
  const Article& article = SeedArticle();
  std::size_t words = 0;
  for (auto _ : state) {
    absl::StatusOr<Document> doc =
        ReadDocument(article.text, article.published);
    words = doc.ok() ? doc->words.size() : 0;
    benchmark::DoNotOptimize(doc);
  }
  SetRates(state, 0);
  state.counters["words"] = static_cast<double>(words);
}
BENCHMARK(BM_ReadSeedArticle);

void BM_TagSeedArticle(benchmark::State& state) {
  const Article& article = SeedArticle();
  const Checker& checker = BundledChecker();
  std::size_t found = 0;
  for (auto _ : state) {
    std::vector<TimeExpression> times =
        checker.tagger().Tag(article.text, article.published);
    found = times.size();
    benchmark::DoNotOptimize(times);
  }
  SetRates(state, 0);
  state.counters["timexes"] = static_cast<double>(found);
}
BENCHMARK(BM_TagSeedArticle);

void BM_MatchSeedArticle(benchmark::State& state) {
  const Article& article = SeedArticle();
  const Checker& checker = BundledChecker();
  const std::vector<TimeExpression> times =
      checker.tagger().Tag(article.text, article.published);
  std::size_t found = 0;
  for (auto _ : state) {
    std::vector<EventMention> mentions = MatchAsCheckDoes(checker, times);
    found = mentions.size();
    benchmark::DoNotOptimize(mentions);
  }
  SetRates(state, 0);
  state.counters["mentions"] = static_cast<double>(found);
}
BENCHMARK(BM_MatchSeedArticle);

void BM_CheckFoundSeedArticle(benchmark::State& state) {
  const Article& article = SeedArticle();
  const Checker& checker = BundledChecker();
  const std::vector<TimeExpression> times =
      checker.tagger().Tag(article.text, article.published);
  const std::vector<EventMention> mentions = MatchAsCheckDoes(checker, times);
  std::size_t claims = 0;
  for (auto _ : state) {
    CheckResult result =
        checker.CheckFound(SeedDocument(), times, mentions);
    claims = result.findings.size();
    benchmark::DoNotOptimize(result);
  }
  SetRates(state, claims);
  state.counters["claims"] = static_cast<double>(claims);
}
BENCHMARK(BM_CheckFoundSeedArticle);

}  // namespace
}  // namespace factcheck

BENCHMARK_MAIN();
