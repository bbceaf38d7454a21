// Shows what the engine reads in each text, for working on the news-dates
// corpus's misreadings (tests/news_dates/score.py scores it; this says
// why): the time expressions, the event mentions with their candidates,
// the claims that pair them and the findings of the whole check, one JSON
// object per input line. Reads lines of {"id", "published", "text"} on
// standard input; the reference events from --events (JSON Lines, the
// import format).
//
//   factcheck_read_cases --events=events.jsonl < cases.jsonl
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "engine/checker.h"
#include "engine/document/json_string.h"
#include "google/protobuf/struct.pb.h"
#include "google/protobuf/util/json_util.h"
#include "server/event_lines.h"
#include "server/event_records.h"

ABSL_FLAG(std::string, events, "", "reference events, JSON Lines");

namespace factcheck {
namespace {

std::string Field(const google::protobuf::Struct& s, const std::string& k) {
  auto it = s.fields().find(k);
  return it == s.fields().end() ? "" : it->second.string_value();
}

int Run() {
  std::ifstream in(absl::GetFlag(FLAGS_events));
  if (!in) {
    std::fprintf(stderr, "cannot read --events\n");
    return 2;
  }
  std::vector<ReferenceEvent> events;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    absl::StatusOr<v1::Event> e = ParseEventLine(line);
    if (!e.ok()) {
      std::fprintf(stderr, "%s\n", e.status().ToString().c_str());
      return 2;
    }
    events.push_back(ToReferenceEvent(*e));
  }
  auto catalog = EventCatalog::Build(std::move(events));
  if (!catalog.ok()) {
    std::fprintf(stderr, "%s\n", catalog.status().ToString().c_str());
    return 2;
  }
  const Checker checker(*catalog);
  for (std::string line; std::getline(std::cin, line);) {
    google::protobuf::Struct c;
    if (!google::protobuf::util::JsonStringToMessage(line, &c).ok()) continue;
    absl::CivilDay published;
    if (!absl::ParseCivilTime(Field(c, "published"), &published)) continue;
    const std::string text = Field(c, "text");
    absl::StatusOr<Document> doc = ReadDocument(text, published);
    if (!doc.ok()) continue;
    const std::vector<TimeExpression> times = checker.tagger().Tag(text, published);
    const std::vector<EventMention> mentions =
        checker.catalog().FindMentionsInWords(doc->words,
                                              SentencesWithClaims(*doc, times));
    const std::vector<Claim> claims = AttachDates(*doc, times, mentions);
    std::vector<std::string> t_json, m_json, c_json;
    for (const TimeExpression& t : times) {
      t_json.push_back(absl::StrCat("{\"text\":", JsonQuote(t.text),
                                    ",\"value\":", JsonQuote(t.value),
                                    ",\"calendar\":", t.date ? "true" : "false",
                                    "}"));
    }
    for (const EventMention& m : mentions) {
      std::vector<std::string> ids;
      for (int k : m.candidates) {
        ids.push_back(JsonQuote(checker.catalog().events()[k].id));
      }
      m_json.push_back(absl::StrCat(
          "{\"text\":", JsonQuote(text.substr(m.begin, m.end - m.begin)),
          ",\"events\":[", absl::StrJoin(ids, ","), "],\"loose\":",
          m.loose ? "true" : "false", ",\"described\":",
          m.described ? "true" : "false", "}"));
    }
    for (const Claim& cl : claims) {
      c_json.push_back(absl::StrCat(
          "{\"mention\":",
          JsonQuote(text.substr(cl.mention->begin,
                                 cl.mention->end - cl.mention->begin)),
          ",\"time\":", JsonQuote(cl.time->text), "}"));
    }
    std::vector<std::string> f_json;
    // The rest of the check on what was read above, not a second reading.
    {
      const CheckResult r = checker.CheckFound(*doc, times, mentions);
      for (const Finding& f : r.findings) {
        f_json.push_back(absl::StrCat(
            "{\"text\":", JsonQuote(f.claimed_text), ",\"verdict\":\"",
            f.verdict == Verdict::kSupported      ? "SUPPORTED"
            : f.verdict == Verdict::kContradicted ? "CONTRADICTED"
                                                  : "UNVERIFIABLE",
            "\",\"event\":", JsonQuote(f.event_id), "}"));
      }
    }
    std::cout << "{\"id\":" << JsonQuote(Field(c, "id")) << ",\"times\":["
              << absl::StrJoin(t_json, ",") << "],\"mentions\":["
              << absl::StrJoin(m_json, ",") << "],\"claims\":["
              << absl::StrJoin(c_json, ",") << "],\"findings\":["
              << absl::StrJoin(f_json, ",") << "]}\n";
  }
  return 0;
}

}  // namespace
}  // namespace factcheck

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return factcheck::Run();
}
