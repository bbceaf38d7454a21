// Scores the checker on the labelled consistency corpus (corpus.jsonl
// beside this file): each passage is checked against the bundled reference
// events, its CONTRADICTED findings are compared with the expected ones by
// kind and claimed text, and precision and recall are printed per kind and
// overall. With --strict it exits 1 when any passage of the chosen split
// gets other findings than expected, so that a regression fails the suite.
// A passage with "sources" is a multi-source case: its earlier sources and
// then the passage are ingested through the service into a fresh store, and
// the passage's ingest findings are scored (that is where ACROSS_SOURCES
// findings come from); its "events" are added to the reference by name
// only, without a date, so that only the sources can date them.
//
//   factcheck_consistency_score --corpus=tests/consistency/corpus.jsonl
//       --events=data/events.jsonl --split=dev [--strict] [--verbose]
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "engine/checker.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "server/event_lines.h"
#include "server/event_records.h"
#include "server/fact_check_service.h"
#include "storage/store.h"
#include "tests/support/temp_dir.h"

ABSL_FLAG(std::string, corpus, "", "the labelled corpus, JSON Lines");
ABSL_FLAG(std::string, events, "", "reference events, JSON Lines");
ABSL_FLAG(std::string, split, "all", "dev, heldout or all");
ABSL_FLAG(bool, strict, false,
          "exit 1 when a passage's findings differ from the expected ones");
ABSL_FLAG(bool, verbose, false, "print every passage's findings");

namespace factcheck {
namespace {

struct Expected {
  std::string kind;
  std::string claimed_text;
};

// An earlier source of a multi-source case, ingested before the passage.
struct EarlierSource {
  std::string url;
  std::string published;
  std::string text;
};

struct Passage {
  std::string id;
  std::string split;
  std::string published;
  std::string text;
  std::vector<Expected> expected;
  // A multi-source case (kind ACROSS_SOURCES): the passage is ingested
  // after these, into a fresh store whose reference also knows `events`
  // by name but not by date, so only the sources can be compared.
  std::vector<EarlierSource> sources;
  std::vector<v1::CreateEventRequest> events;
  std::string url;  // The passage's own, as the last of `sources` gives it.
};

// One finding as the scorer compares and prints it, from the engine's
// Finding or the service's v1::Finding.
struct Got {
  std::string verdict;
  std::string kind;
  std::string claimed_text;
  std::string event;
  std::string explanation;
  std::string suggestion;
};

std::string Str(const google::protobuf::Struct& s, const std::string& key) {
  auto it = s.fields().find(key);
  return it == s.fields().end() ? "" : it->second.string_value();
}

bool ReadCorpus(const std::string& path, std::vector<Passage>* out) {
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    return false;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    google::protobuf::Struct s;
    if (!google::protobuf::util::JsonStringToMessage(line, &s).ok()) {
      std::fprintf(stderr, "%s:%d: not a JSON object\n", path.c_str(), number);
      return false;
    }
    Passage p;
    p.id = Str(s, "id");
    p.split = Str(s, "split");
    p.published = Str(s, "published");
    p.text = Str(s, "text");
    for (const auto& v : s.fields().at("expected").list_value().values()) {
      const auto& e = v.struct_value();
      if (Str(e, "verdict") != "CONTRADICTED") continue;
      p.expected.push_back({Str(e, "kind"), Str(e, "claimed_text")});
    }
    if (auto it = s.fields().find("sources"); it != s.fields().end()) {
      const auto& all = it->second.list_value().values();
      // The last source is the passage itself.
      for (int i = 0; i < all.size(); ++i) {
        const auto& e = all[i].struct_value();
        if (i + 1 == all.size()) {
          p.url = Str(e, "url");
          if (Str(e, "text") != p.text || Str(e, "published") != p.published) {
            std::fprintf(stderr, "%s:%d: the last source is not the passage\n",
                         path.c_str(), number);
            return false;
          }
          break;
        }
        p.sources.push_back(
            {Str(e, "url"), Str(e, "published"), Str(e, "text")});
      }
    }
    if (auto it = s.fields().find("events"); it != s.fields().end()) {
      for (const auto& v : it->second.list_value().values()) {
        const auto& e = v.struct_value();
        v1::CreateEventRequest request;
        request.set_event_id(Str(e, "id"));
        request.mutable_event()->set_title(Str(e, "title"));
        request.mutable_event()->set_type(Str(e, "type"));
        request.mutable_event()->add_citations()->set_url(Str(e, "url"));
        if (auto a = e.fields().find("aliases"); a != e.fields().end()) {
          for (const auto& alias : a->second.list_value().values()) {
            request.mutable_event()->add_aliases(alias.string_value());
          }
        }
        p.events.push_back(std::move(request));
      }
    }
    out->push_back(std::move(p));
  }
  return true;
}

struct Counts {
  int tp = 0, fp = 0, fn = 0;
};

std::string Ratio(int num, int den) {
  return den == 0 ? "   -" : absl::StrFormat("%.2f", double(num) / den);
}

std::string VerdictName(Verdict v) {
  return v == Verdict::kContradicted ? "CONTRADICTED"
         : v == Verdict::kSupported  ? "SUPPORTED"
                                     : "UNVERIFIABLE";
}

// The findings of the engine's checker on a single passage.
absl::StatusOr<std::vector<Got>> CheckPassage(const Checker& checker,
                                              const Passage& p,
                                              absl::CivilDay published) {
  auto result = checker.Check(p.text, published);
  if (!result.ok()) return result.status();
  std::vector<Got> got;
  for (const Finding& f : result->findings) {
    got.push_back({VerdictName(f.verdict), std::string(FindingKindName(f.kind)),
                   f.claimed_text, f.event_id, f.explanation, f.suggestion});
  }
  return got;
}

// The findings of ingesting a multi-source case's passage after its
// earlier sources, through the service over a store of its own.
absl::StatusOr<std::vector<Got>> IngestPassage(const std::string& events_file,
                                               const Passage& p) {
  const testing::TempDir dir;
  absl::StatusOr<std::unique_ptr<Store>> store = Store::Open(dir.path());
  if (!store.ok()) return store.status();
  absl::StatusOr<std::unique_ptr<FactCheckService>> service =
      FactCheckService::Create(std::move(*store), ServiceLimits(), events_file);
  if (!service.ok()) return service.status();
  for (const v1::CreateEventRequest& e : p.events) {
    if (auto created = (*service)->CreateEvent(e); !created.ok()) {
      return created.status();
    }
  }
  std::vector<EarlierSource> all = p.sources;
  all.push_back({p.url, p.published, p.text});
  absl::StatusOr<v1::IngestSourceResponse> response;
  for (const EarlierSource& source : all) {
    v1::IngestSourceRequest request;
    request.mutable_source()->set_url(source.url);
    request.mutable_source()->set_published_date(source.published);
    request.mutable_source()->set_text(source.text);
    response = (*service)->IngestSource(request);
    if (!response.ok()) return response.status();
  }
  std::vector<Got> got;
  for (const v1::Finding& f : response->findings()) {
    got.push_back({v1::Verdict_Name(f.verdict()),
                   v1::FindingKind_Name(f.kind()), f.claim().claimed_text(),
                   f.claim().event(), f.explanation(), f.suggestion()});
  }
  return got;
}

int Run() {
  std::ifstream events_in(absl::GetFlag(FLAGS_events));
  std::stringstream buffer;
  buffer << events_in.rdbuf();
  EventLineReader reader;
  reader.Feed(buffer.str());
  reader.Finish();
  if (!reader.status().ok() || reader.events().empty()) {
    std::fprintf(stderr, "cannot load events: %s\n",
                 reader.status().ToString().c_str());
    return 2;
  }
  std::vector<ReferenceEvent> events;
  for (const auto& e : reader.events()) events.push_back(ToReferenceEvent(e));
  auto catalog = EventCatalog::Build(std::move(events));
  if (!catalog.ok()) {
    std::fprintf(stderr, "%s\n", catalog.status().ToString().c_str());
    return 2;
  }
  const Checker checker(*catalog);

  std::vector<Passage> corpus;
  if (!ReadCorpus(absl::GetFlag(FLAGS_corpus), &corpus)) return 2;
  const std::string split = absl::GetFlag(FLAGS_split);
  std::map<std::string, Counts> by_kind;
  Counts detection;  // Matched on the claimed text alone, any kind.
  int passages = 0, exact = 0, with_error = 0;
  for (const Passage& p : corpus) {
    if (split != "all" && p.split != split) continue;
    ++passages;
    if (!p.expected.empty()) ++with_error;
    absl::CivilDay published;
    if (!absl::ParseCivilTime(p.published, &published)) {
      std::fprintf(stderr, "%s: bad published date\n", p.id.c_str());
      return 2;
    }
    absl::StatusOr<std::vector<Got>> findings =
        p.sources.empty() ? CheckPassage(checker, p, published)
                          : IngestPassage(absl::GetFlag(FLAGS_events), p);
    if (!findings.ok()) {
      std::fprintf(stderr, "%s: %s\n", p.id.c_str(),
                   findings.status().ToString().c_str());
      return 2;
    }
    std::vector<Expected> got;
    for (const Got& f : *findings) {
      if (f.verdict != "CONTRADICTED") continue;
      got.push_back({f.kind, f.claimed_text});
    }
    std::vector<bool> used(p.expected.size(), false), text_used = used;
    bool same = got.size() == p.expected.size();
    for (const Expected& g : got) {
      bool hit = false, text_hit = false;
      for (std::size_t i = 0; i < p.expected.size(); ++i) {
        const Expected& e = p.expected[i];
        if (!text_used[i] && !text_hit && e.claimed_text == g.claimed_text) {
          text_used[i] = true, text_hit = true;
        }
        if (!used[i] && e.claimed_text == g.claimed_text && e.kind == g.kind) {
          used[i] = true, hit = true;
          break;
        }
      }
      if (hit) {
        ++by_kind[g.kind].tp;
      } else {
        ++by_kind[g.kind].fp;
        same = false;
      }
      if (text_hit) {
        ++detection.tp;
      } else {
        ++detection.fp;
      }
    }
    for (std::size_t i = 0; i < p.expected.size(); ++i) {
      if (!used[i]) ++by_kind[p.expected[i].kind].fn, same = false;
      if (!text_used[i]) ++detection.fn;
    }
    if (same) ++exact;
    if (!same || absl::GetFlag(FLAGS_verbose)) {
      std::printf("%s %s\n", same ? "ok  " : "DIFF", p.id.c_str());
      for (const Expected& e : p.expected) {
        std::printf("  expected %s \"%s\"\n", e.kind.c_str(),
                    e.claimed_text.c_str());
      }
      for (const Got& f : *findings) {
        if (f.verdict == "SUPPORTED" && !absl::GetFlag(FLAGS_verbose)) {
          continue;
        }
        std::printf("  got %s %s \"%s\" %s | %s | suggestion: %s\n",
                    f.verdict.c_str(), f.kind.c_str(), f.claimed_text.c_str(),
                    f.event.c_str(), f.explanation.c_str(),
                    f.suggestion.c_str());
      }
    }
  }
  std::printf(
      "\nsplit %s: %d passages (%d with an injected inconsistency), %d with "
      "exactly the expected findings\n\n",
      split.c_str(), passages, with_error, exact);
  std::printf("%-18s %4s %4s %4s %9s %6s\n", "kind", "tp", "fp", "fn",
              "precision", "recall");
  Counts all;
  for (const auto& [kind, c] : by_kind) {
    std::printf("%-18s %4d %4d %4d %9s %6s\n", kind.c_str(), c.tp, c.fp, c.fn,
                Ratio(c.tp, c.tp + c.fp).c_str(),
                Ratio(c.tp, c.tp + c.fn).c_str());
    all.tp += c.tp, all.fp += c.fp, all.fn += c.fn;
  }
  std::printf("%-18s %4d %4d %4d %9s %6s\n", "all (kind exact)", all.tp, all.fp,
              all.fn, Ratio(all.tp, all.tp + all.fp).c_str(),
              Ratio(all.tp, all.tp + all.fn).c_str());
  std::printf("%-18s %4d %4d %4d %9s %6s\n", "all (any kind)", detection.tp,
              detection.fp, detection.fn,
              Ratio(detection.tp, detection.tp + detection.fp).c_str(),
              Ratio(detection.tp, detection.tp + detection.fn).c_str());
  if (absl::GetFlag(FLAGS_strict) && exact != passages) return 1;
  return 0;
}

}  // namespace
}  // namespace factcheck

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return factcheck::Run();
}
