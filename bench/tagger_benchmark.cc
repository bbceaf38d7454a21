// Throughput of TemporalTagger::Tag on one core, in bytes of input per
// second.
//
// Inputs: the seed article; news text shipped in the repository repeated to
// 1 KB, 100 KB and 10 MB (the three sizes show whether the cost is linear in
// the length of the text); a text in which nearly every token is temporal
// (the slow path everywhere, again at three sizes); and, when it is present,
// the plain text of the TimeBank + AQUAINT development set, each document
// tagged against its own creation time.
//
// The development set is read from $FACTCHECK_TBAQ_DIR, else from the
// directory compiled in as FACTCHECK_DEFAULT_TBAQ_DIR (../shared/data/tbaq
// beside the checkout). It is not part of the repository.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "bench/timeml_text.h"
#include "benchmark/benchmark.h"
#include "engine/time/date.h"
#include "engine/time/temporal_tagger.h"

namespace factcheck {
namespace {

// The publication date of the shipped texts.
const absl::CivilDay kDct(2024, 2, 14);

// The seed article without its "date YYYY-MM-DD" header.
std::string SeedArticle() {
  std::string text = bench::ReadFileOrExit(
      std::string(FACTCHECK_TEST_DATA_DIR) + "/seed-article.txt");
  const absl::string_view header = " date 2024-02-14 ";
  if (absl::StartsWith(text, header)) text.erase(0, header.size());
  return text;
}

// Cuts `text` to at most `size` bytes at a space, so that no token (and no
// UTF-8 sequence) is cut in half.
std::string CutAtSpace(std::string text, std::size_t size) {
  if (text.size() <= size) return text;
  std::size_t cut = text.rfind(' ', size);
  if (cut == std::string::npos || cut == 0) cut = size;
  text.resize(cut);
  return text;
}

// `unit` repeated (paragraphs apart) and cut to `size` bytes.
std::string Repeat(absl::string_view unit, std::size_t size) {
  std::string text;
  text.reserve(size + unit.size() + 2);
  while (text.size() < size) absl::StrAppend(&text, unit, "\n\n");
  return CutAtSpace(std::move(text), size);
}

// News text as it is usually written: most tokens are not temporal.
const std::string& NewsUnit() {
  static const std::string* const unit = new std::string(
      absl::StrCat(bench::ReadFileOrExit(std::string(FACTCHECK_BENCH_DATA_DIR) +
                                         "/news.txt"),
                   "\n\n", SeedArticle()));
  return *unit;
}

// The worst case for a tagger that rejects non-temporal tokens early: every
// token starts, extends or closes a time expression.
const std::string& DenseUnit() {
  static const std::string* const unit = new std::string(
      "On 14 February 2024, last Friday, since early March and until the "
      "end of 2025, every Thursday for two weeks, three years ago, 18 "
      "January, mid-2023, the 1990s, Q3 2024, 10:30 a.m. today, yesterday "
      "morning, next spring, 2022-02-24, February 24, 2022, about six months "
      "earlier, 12 12 12 12 12 2024 2024 2024 January February March April "
      "May June July August September October November December.");
  return *unit;
}

void BM_Tag(benchmark::State& state, const std::string* text,
            absl::CivilDay dct) {
  const TemporalTagger tagger;
  std::size_t found = 0;
  for (auto _ : state) {
    std::vector<TimeExpression> timexes = tagger.Tag(*text, dct);
    found = timexes.size();
    benchmark::DoNotOptimize(timexes.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text->size()));
  state.counters["timexes"] = static_cast<double>(found);
}

// One document of the development set: its plain text and its DCT.
struct Document {
  std::string text;
  absl::CivilDay dct;
};

std::vector<Document> LoadDevelopmentSet(const std::string& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, error);
       !error && it != std::filesystem::recursive_directory_iterator();
       it.increment(error)) {
    if (it->is_regular_file() && it->path().extension() == ".tml") {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<Document> documents;
  for (const std::filesystem::path& file : files) {
    const std::string tml = bench::ReadFileOrExit(file.string());
    documents.push_back({bench::TimemlText(tml), bench::TimemlDct(tml, kDct)});
  }
  return documents;
}

void BM_TagDevelopmentSet(benchmark::State& state,
                          const std::vector<Document>* documents) {
  const TemporalTagger tagger;
  std::size_t bytes = 0;
  for (const Document& d : *documents) bytes += d.text.size();
  std::size_t found = 0;
  for (auto _ : state) {
    found = 0;
    for (const Document& d : *documents) {
      std::vector<TimeExpression> timexes = tagger.Tag(d.text, d.dct);
      found += timexes.size();
      benchmark::DoNotOptimize(timexes.data());
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(bytes));
  state.counters["documents"] = static_cast<double>(documents->size());
  state.counters["input_bytes"] = static_cast<double>(bytes);
  state.counters["timexes"] = static_cast<double>(found);
}

std::string DevelopmentSetDir() {
  const char* dir = std::getenv("FACTCHECK_TBAQ_DIR");
  if (dir != nullptr && *dir != '\0') return dir;
  return FACTCHECK_DEFAULT_TBAQ_DIR;
}

void RegisterBenchmarks() {
  // The inputs live until the process exits.
  static const std::string* const seed = new std::string(SeedArticle());
  benchmark::RegisterBenchmark("BM_TagSeedArticle", BM_Tag, seed, kDct);

  struct Size {
    const char* name;
    std::size_t bytes;
  };
  constexpr Size kSizes[] = {
      {"1KB", 1 << 10}, {"100KB", 100 << 10}, {"10MB", 10 << 20}};
  for (const Size& size : kSizes) {
    benchmark::RegisterBenchmark(
        absl::StrCat("BM_TagNews/", size.name).c_str(), BM_Tag,
        new std::string(Repeat(NewsUnit(), size.bytes)), kDct);
  }
  for (const Size& size : kSizes) {
    benchmark::RegisterBenchmark(
        absl::StrCat("BM_TagDenseTemporal/", size.name).c_str(), BM_Tag,
        new std::string(Repeat(DenseUnit(), size.bytes)), kDct);
  }

  const std::string dir = DevelopmentSetDir();
  if (std::filesystem::is_directory(dir)) {
    const auto* documents = new std::vector<Document>(LoadDevelopmentSet(dir));
    if (!documents->empty()) {
      benchmark::RegisterBenchmark("BM_TagDevelopmentSet", BM_TagDevelopmentSet,
                                   documents);
    }
  } else {
    std::fprintf(stderr,
                 "note: no development set at %s (set FACTCHECK_TBAQ_DIR); "
                 "BM_TagDevelopmentSet skipped\n",
                 dir.c_str());
  }
}

}  // namespace
}  // namespace factcheck

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  factcheck::RegisterBenchmarks();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
