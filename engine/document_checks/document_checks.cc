#include "engine/document_checks/document_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/types/span.h"
#include "engine/claims/cue_words.h"
#include "engine/events/ordinals.h"
#include "engine/verdicts/date_wording.h"

namespace factcheck {
namespace {

absl::CivilDay CivilOf(const PartialDate& d) {
  return absl::CivilDay(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
}

// The date of a one-time event, else the start of a lasting one.
std::optional<PartialDate> StartOf(const ReferenceEvent& e) {
  return e.date.has_value() ? e.date : e.start;
}

std::optional<PartialDate> EndOf(const ReferenceEvent& e) {
  return e.date.has_value() ? e.date : e.end;
}

// The event a mention names: the one the first note about it chose, else
// its only candidate; -1 for a shared name nothing decided, or a bare
// series. Notes only grow (each check appends its own), so the first event
// of each mention is indexed once as they come: looking through every note
// for every mention would make a long text cost the square of its claims.
class EventOf {
 public:
  explicit EventOf(const std::vector<ClaimNote>& notes) : notes_(notes) {}

  int operator()(const EventMention& m) {
    for (; indexed_ < notes_.size(); ++indexed_) {
      const ClaimNote& n = notes_[indexed_];
      if (n.mention != nullptr && n.event >= 0) {
        first_event_.try_emplace(n.mention, n.event);
      }
    }
    if (const auto it = first_event_.find(&m); it != first_event_.end()) {
      return it->second;
    }
    if (m.series_only || m.candidates.size() != 1) return -1;
    return m.candidates[0];
  }

 private:
  const std::vector<ClaimNote>& notes_;
  std::size_t indexed_ = 0;
  absl::flat_hash_map<const EventMention*, int> first_event_;
};

// The event a finding about `m` may be about: the one it names, or, for a
// description, the best described when it is better than the others. A
// description is weaker evidence than a name: its findings only confirm.
int EventToCheck(EventOf& event_of, const EventMention& m) {
  const int ev = event_of(m);
  if (ev < 0 && m.described && m.unique_best) return m.candidates[0];
  return ev;
}

// A count of time units as the text wrote it ("two weeks", "a year").
enum class Unit { kDay, kWeek, kMonth, kYear };

struct Amount {
  double n = 0;
  Unit unit = Unit::kDay;
  bool digits = false;  // Written with digits ("10 days").
};

double UnitDays(Unit u) {
  switch (u) {
    case Unit::kDay:
      return 1;
    case Unit::kWeek:
      return 7;
    case Unit::kMonth:
      return 30.44;
    case Unit::kYear:
      return 365.25;
  }
  return 1;
}

absl::string_view UnitName(Unit u) {
  switch (u) {
    case Unit::kDay:
      return "day";
    case Unit::kWeek:
      return "week";
    case Unit::kMonth:
      return "month";
    case Unit::kYear:
      return "year";
  }
  return "day";
}

// A TIMEX3 duration value of one unit: "P2Y", "P10D", "P18M", "P1.5Y".
std::optional<Amount> ParseDurationValue(absl::string_view value) {
  if (value.size() < 3 || value[0] != 'P' || value[1] == 'T') {
    return std::nullopt;
  }
  Amount a;
  switch (value.back()) {
    case 'D':
      a.unit = Unit::kDay;
      break;
    case 'W':
      a.unit = Unit::kWeek;
      break;
    case 'M':
      a.unit = Unit::kMonth;
      break;
    case 'Y':
      a.unit = Unit::kYear;
      break;
    default:
      return std::nullopt;
  }
  if (!absl::SimpleAtod(value.substr(1, value.size() - 2), &a.n) || a.n <= 0) {
    return std::nullopt;
  }
  return a;
}

// The unit a word names, singular or plural: "day", "weeks".
std::optional<Unit> ParseUnitWord(absl::string_view word) {
  if (absl::EndsWith(word, "s")) word.remove_suffix(1);
  if (word == "day") return Unit::kDay;
  if (word == "week") return Unit::kWeek;
  if (word == "month") return Unit::kMonth;
  if (word == "year") return Unit::kYear;
  return std::nullopt;
}

// A count and a unit at the start of `words`: "two weeks later", "10 days
// later", "a year earlier".
std::optional<Amount> ParseAmountWords(absl::Span<const Word> words) {
  static const auto* const kNumbers =
      new absl::flat_hash_map<absl::string_view, int>{
          {"a", 1},    {"an", 1},   {"one", 1},     {"two", 2},    {"three", 3},
          {"four", 4}, {"five", 5}, {"six", 6},     {"seven", 7},  {"eight", 8},
          {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}};
  if (words.size() < 2) return std::nullopt;
  Amount a;
  int n = 0;
  if (absl::SimpleAtoi(words[0].norm, &n)) {
    a.digits = true;
  } else if (auto it = kNumbers->find(words[0].norm); it != kNumbers->end()) {
    n = it->second;
  } else {
    return std::nullopt;
  }
  a.n = n;
  const std::optional<Unit> unit = ParseUnitWord(words[1].norm);
  if (!unit.has_value()) return std::nullopt;
  a.unit = *unit;
  return a;
}

// Whether `days` fits "n units" qualified by the TIMEX3 `mod`, with the
// slack news copy takes in rounding ("two years" for 23 months).
bool Fits(double days, const Amount& a, absl::string_view mod) {
  const double u = days / UnitDays(a.unit);
  if (mod == "LESS_THAN" || mod == "EQUAL_OR_LESS") {
    return u >= 0 && u <= a.n + 0.1;
  }
  if (mod == "MORE_THAN" || mod == "EQUAL_OR_MORE") return u >= a.n - 0.1;
  // "A month later" is not nine days later: one or two units leave half a
  // unit either way.
  const double slack = a.unit == Unit::kDay ? std::max(0.75, 0.1 * a.n)
                       : a.n <= 2           ? 0.5
                                            : 0.75;
  return std::abs(u - a.n) <= slack;
}

// `days` written for an editor in the unit the text used, or a finer one
// when that would round to nothing: "ten days", "two years", "27 days".
std::string FormatAmount(double days, const Amount& like,
                         absl::string_view like_text) {
  static const char* const kWords[] = {"zero",  "one",  "two", "three",
                                       "four",  "five", "six", "seven",
                                       "eight", "nine", "ten"};
  Unit unit = like.unit;
  long n = std::lround(days / UnitDays(unit));
  if (n < 1) {
    // Rounds to nothing in the text's unit: the unit an editor would use.
    unit = days < 14    ? Unit::kDay
           : days < 60  ? Unit::kWeek
           : days < 350 ? Unit::kMonth
                        : Unit::kYear;
    n = std::max(1L, std::lround(days / UnitDays(unit)));
  }
  std::string out;
  if (n == 1) {
    out = absl::StrCat("a ", UnitName(unit));
  } else {
    out = absl::StrCat(
        n <= 10 && !like.digits ? std::string(kWords[n]) : absl::StrCat(n), " ",
        UnitName(unit), "s");
  }
  if (!like_text.empty() && absl::ascii_isupper(like_text[0])) {
    out[0] = absl::ascii_toupper(out[0]);
  }
  return out;
}

// "27 days", for explanations.
std::string DaysForPeople(double days) {
  if (std::abs(days) >= 60) {
    const double months = std::abs(days) / 30.44;
    if (months >= 17.5) {
      return absl::StrCat("about ", std::lround(months / 12), " years");
    }
    if (months >= 11.5) return "about a year";
    return absl::StrCat("about ", std::lround(months), " months");
  }
  const long d = std::lround(std::abs(days));
  return absl::StrCat(d, d == 1 ? " day" : " days");
}

Finding MakeFinding(const DocumentContext& doc, TextLocator& locator,
                    std::size_t begin, std::size_t end) {
  Finding f;
  f.span = locator.Locate(begin, end);
  f.claimed_text = std::string(doc.document->Slice(begin, end));
  if (const SentenceBounds* s = doc.document->SentenceAt(begin)) {
    SetSentence(doc.document->text, locator, *s, begin, end, begin, end, f);
  }
  f.verdict = Verdict::kContradicted;
  f.severity = Severity::kError;
  return f;
}

void SetEvent(const DocumentContext& doc, TextLocator& locator,
              const EventMention& m, const ReferenceEvent& e, Finding& f) {
  f.event_id = e.id;
  f.event_title = e.title;
  f.event_span = locator.Locate(m.begin, m.end);
  f.event_text = std::string(doc.document->Slice(m.begin, m.end));
  f.citations = e.citations;
}

// A finding on text[begin, end) about `e`, as `m` names it: of `kind`,
// checked against `reference`, as sure as `confidence`. CONTRADICTED until
// Confirm says otherwise.
Finding EventFinding(const DocumentContext& doc, TextLocator& locator,
                     std::size_t begin, std::size_t end,
                     const EventMention& m, const ReferenceEvent& e,
                     FindingKind kind, const std::optional<PartialDate>& reference,
                     float confidence) {
  Finding f = MakeFinding(doc, locator, begin, end);
  SetEvent(doc, locator, m, e, f);
  f.kind = kind;
  f.reference_date = reference;
  f.confidence = confidence;
  return f;
}

// Makes `f` SUPPORTED: `why`, consistent with the `text` it checked.
void Confirm(absl::string_view why, absl::string_view text, Finding& f) {
  f.verdict = Verdict::kSupported;
  f.severity = Severity::kInfo;
  f.explanation = absl::StrCat(why, ", consistent with \"", text, "\".");
}

// Adds `f`, and the note that it is about event `ev` as `m` names it.
void AddEventFinding(Finding f, int ev, const EventMention& m,
                     std::vector<Finding>& findings,
                     std::vector<ClaimNote>& notes) {
  findings.push_back(std::move(f));
  ClaimNote note;
  note.event = ev;
  note.mention = &m;
  notes.push_back(note);
}

// The mention in [begin, end) that names a dated event and starts first
// after `from` (or, with `before`, ends last before it).
const EventMention* MentionNear(const DocumentContext& doc, std::size_t from,
                                std::size_t begin, std::size_t end,
                                bool before) {
  const EventMention* best = nullptr;
  for (const EventMention& m : BeginningIn(*doc.mentions, begin, end)) {
    if (m.end > end || m.candidates.empty()) continue;
    if (!before && m.begin >= from &&
        (best == nullptr || m.begin < best->begin)) {
      best = &m;
    }
    if (before && m.end <= from && (best == nullptr || m.end > best->end)) {
      best = &m;
    }
  }
  return best;
}

bool SentenceHas(const DocumentContext& doc, const SentenceBounds& s,
                 const WordSet& cues) {
  for (const Word& w : WordsIn(doc.document->words, s.begin, s.end)) {
    if (cues.contains(w.norm)) return true;
  }
  return false;
}

// "since" a date after the article: the text counts from a date that had
// not come.
void CheckSinceAfterPublication(const DocumentContext& doc,
                                TextLocator& locator,
                                std::vector<Finding>& findings,
                                std::vector<ClaimNote>& notes) {
  const int published = FirstDay(DayDate(doc.document->published));
  for (const TimeExpression& t : *doc.times) {
    if (t.role != DateRole::kSince || !t.date.has_value() || !t.year_written ||
        FirstDay(*t.date) <= published) {
      continue;
    }
    if (std::any_of(notes.begin(), notes.end(),
                    [&](const ClaimNote& n) { return n.time == &t; })) {
      continue;  // A claim: judged with its event.
    }
    Finding f = MakeFinding(doc, locator, t.begin, t.end);
    f.claimed_value = t.value;
    f.kind = FindingKind::kPublicationDate;
    f.confidence = 0.9f;
    f.explanation =
        absl::StrCat("The text counts from ", t.text,
                     ", which is after the article's own "
                     "date, ",
                     FormatDateForPeople(DayDate(doc.document->published)), ".");
    findings.push_back(std::move(f));
    notes.push_back({});
  }
}

// An event called upcoming, or told in the future tense, that had already
// taken place when the article was published.
void CheckUpcoming(const DocumentContext& doc, TextLocator& locator,
                   std::vector<Finding>& findings,
                   std::vector<ClaimNote>& notes) {
  EventOf event_of(notes);
  // Future phrases right after the name, and their past forms.
  static const auto* const kAfter = new std::vector<
      std::pair<std::vector<absl::string_view>, absl::string_view>>{
      {{"will", "take", "place"}, "took place"},
      {{"will", "be", "held"}, "was held"},
      {{"will", "be", "signed"}, "was signed"},
      {{"will", "begin"}, "began"},
      {{"will", "start"}, "started"},
      {{"will", "open"}, "opened"},
      {{"will", "convene"}, "convened"},
      {{"will", "meet"}, "met"},
      {{"is", "scheduled"}, "was held"},
      {{"is", "due", "to", "take", "place"}, "took place"},
      {{"is", "set", "to", "take", "place"}, "took place"},
      {{"is", "expected", "to", "take", "place"}, "took place"},
  };
  static const auto* const kBefore =
      new absl::flat_hash_map<absl::string_view, absl::string_view>{
          {"upcoming", "recent"},  {"forthcoming", "recent"},
          {"coming", "recent"},    {"planned", "recent"},
          {"scheduled", "recent"}, {"expected", "recent"}};
  const int published = FirstDay(DayDate(doc.document->published));
  const std::vector<Word>& words = doc.document->words;
  for (const EventMention& m : *doc.mentions) {
    const int ev = event_of(m);
    if (ev < 0) continue;
    const ReferenceEvent& e = doc.catalog->events()[ev];
    const std::optional<PartialDate> when = StartOf(e);
    // Only an event over before the article's day had "already happened".
    if (!when.has_value() || LastDay(*when) >= published) continue;
    const std::size_t first = doc.document->WordAt(m.begin);
    const std::size_t after = doc.document->WordAt(m.end);
    std::size_t cue_begin = 0, cue_end = 0;
    std::string past;
    // "the upcoming summit": within two words before the name.
    for (std::size_t k = 1; k <= 2 && k <= first; ++k) {
      auto it = kBefore->find(words[first - k].norm);
      if (it == kBefore->end()) continue;
      cue_begin = words[first - k].begin, cue_end = words[first - k].end;
      past = std::string(it->second);
      break;
    }
    if (past.empty()) {
      for (const auto& [phrase, past_form] : *kAfter) {
        if (after + phrase.size() > words.size()) continue;
        bool match = true;
        for (std::size_t k = 0; k < phrase.size() && match; ++k) {
          match = words[after + k].norm == phrase[k];
        }
        if (!match) continue;
        cue_begin = words[after].begin;
        cue_end = words[after + phrase.size() - 1].end;
        past = std::string(past_form);
        break;
      }
    }
    if (past.empty()) continue;
    // The same sentence only: a cue across a full stop is another story.
    const SentenceBounds* s = doc.document->SentenceAt(m.begin);
    if (s == nullptr || cue_begin < s->begin || cue_end > s->end) continue;
    Finding f = EventFinding(doc, locator, cue_begin, cue_end, m, e,
                             FindingKind::kPublicationDate, when, 0.85f);
    f.suggestion = past;
    f.explanation = absl::StrCat(
        e.title, " took place ", OnOrIn(*when), ", before the article's date, ",
        FormatDateForPeople(DayDate(doc.document->published)), ", yet the text says \"",
        f.claimed_text, "\".");
    AddEventFinding(std::move(f), ev, m, findings, notes);
  }
}

// A duration of an event that is going on (or was, when the article was
// written): "for two years", "two years into the invasion", "two years
// since the invasion", "after two years of the invasion".
void CheckDurations(const DocumentContext& doc, TextLocator& locator,
                    std::vector<Finding>& findings,
                    std::vector<ClaimNote>& notes) {
  EventOf event_of(notes);
  static const auto* const kLasting = new WordSet{
      "lasted", "lasting", "raged",   "raging", "continued", "continuing",
      "gone",   "going",   "dragged", "waged",  "fought",    "endured"};
  const std::vector<Word>& words = doc.document->words;
  for (const TimeExpression& d : *doc.times) {
    if (d.type != TimexType::kDuration) continue;
    const std::optional<Amount> amount = ParseDurationValue(d.value);
    if (!amount.has_value()) continue;
    const SentenceBounds* s = doc.document->SentenceAt(d.begin);
    if (s == nullptr) continue;
    const std::size_t first = doc.document->WordAt(d.begin);
    const std::size_t next = doc.document->WordAt(d.end);
    const absl::string_view before =
        first > 0 && words[first - 1].begin >= s->begin
            ? absl::string_view(words[first - 1].norm)
            : absl::string_view();
    const absl::string_view after =
        next < words.size() && words[next].end <= s->end
            ? absl::string_view(words[next].norm)
            : absl::string_view();
    const EventMention* m = nullptr;
    if (after == "into" || after == "since" || after == "of") {
      // The event follows within a few words ("into the full-scale
      // invasion").
      const std::size_t limit =
          std::min<std::size_t>(next + 5, words.size()) - 1;
      m = MentionNear(doc, d.end, d.end,
                      std::min<std::size_t>(s->end, words[limit].end + 1),
                      false);
      if (m != nullptr && doc.document->WordAt(m->begin) > next + 3) m = nullptr;
    } else if (before == "for" && SentenceHas(doc, *s, *kLasting)) {
      // "The war has raged for two years": the lasting event the sentence
      // names before the duration.
      m = MentionNear(doc, d.begin, s->begin, d.begin, true);
    }
    if (m == nullptr) continue;
    const int ev = event_of(*m);
    if (ev < 0) continue;
    const ReferenceEvent& e = doc.catalog->events()[ev];
    // A lasting event's span ("two years into the war"), or the time since
    // a one-time event ("for three months since the dam collapse").
    const std::optional<PartialDate> began =
        e.date.has_value() ? (after == "since" ? e.date : std::nullopt)
                           : e.start;
    if (!began.has_value()) continue;
    // Counted to the article's date, or to the end of an event already
    // over by then.
    absl::CivilDay until = doc.document->published;
    if (e.end.has_value() && CivilOf(*e.end) < doc.document->published) {
      until = CivilOf(*e.end);
    }
    const double days = static_cast<double>(until - CivilOf(*began));
    // A duration that fits is confirmed, so that an editor sees it was
    // read and checked.
    const bool fits = Fits(days, *amount, d.mod);
    Finding f = EventFinding(doc, locator, d.begin, d.end, *m, e,
                             FindingKind::kPublicationDate, began, 0.85f);
    f.claimed_value = d.value;
    const std::string between = absl::StrCat(
        e.title, e.date.has_value() ? " took place " : " began ",
        OnOrIn(*began), ", ", DaysForPeople(days),
        until == doc.document->published ? " before the article's date, "
                                         : " before it ended on ",
        FormatDateForPeople(DayDate(until)));
    if (fits) {
      Confirm(between, d.text, f);
    } else {
      f.suggestion = FormatAmount(days, *amount, d.text);
      f.explanation = absl::StrCat(between, "; the text says ", d.text, ".");
    }
    AddEventFinding(std::move(f), ev, *m, findings, notes);
  }
}

// "five weeks ago", "more than a decade ago", "two decades ago": the time
// from the event the sentence names to the article's date. A claim the
// pairing made of the expression (a day's or a year's date) is judged
// there; this reads the ones no date stands for.
void CheckAgo(const DocumentContext& doc, TextLocator& locator,
              std::vector<Finding>& findings, std::vector<ClaimNote>& notes) {
  EventOf event_of(notes);
  static const auto* const kHedges =
      new WordSet{"more", "less", "than", "over", "under", "nearly", "almost",
                  "about", "around", "some", "just", "exactly", "only"};
  for (const TimeExpression& t : *doc.times) {
    if (!absl::EndsWith(t.text, " ago")) continue;
    if (std::any_of(notes.begin(), notes.end(),
                    [&](const ClaimNote& n) { return n.time == &t; })) {
      continue;
    }
    absl::Span<const Word> own = doc.document->WordsIn(t.begin, t.end);
    while (!own.empty() && kHedges->contains(own.front().norm)) {
      own.remove_prefix(1);
    }
    if (own.size() != 3) continue;  // A count, a unit, "ago".
    std::optional<Amount> amount;
    if (own[1].norm == "decade" || own[1].norm == "decades") {
      const std::optional<Amount> years = ParseAmountWords(
          std::vector<Word>{own[0], Word{own[1].begin, own[1].end, "years"}});
      if (years.has_value()) amount = Amount{years->n * 10, Unit::kYear,
                                             years->digits};
    } else {
      amount = ParseAmountWords(own);
    }
    if (!amount.has_value()) continue;
    const SentenceBounds* s = doc.document->SentenceAt(t.begin);
    if (s == nullptr) continue;
    // The event told: named before it ("since bin Laden was killed more
    // than a decade ago"), else just after it, or after the date that
    // says the same ("Ten years ago, on March 18, 2014, Russia annexed
    // Crimea").
    const EventMention* m = MentionNear(doc, t.begin, s->begin, t.begin, true);
    if (m == nullptr) {
      std::size_t from = t.end;
      const TimeExpression* next = &t + 1;
      if (next < doc.times->data() + doc.times->size() &&
          next->begin < s->end && next->date.has_value() &&
          doc.document->WordsIn(t.end, next->begin).size() <= 1) {
        from = next->end;
      }
      m = MentionNear(doc, from, from, s->end, false);
      if (m != nullptr &&
          doc.document->WordAt(m->begin) > doc.document->WordAt(from) + 3) {
        m = nullptr;
      }
    }
    if (m == nullptr) continue;
    const int ev = EventToCheck(event_of, *m);
    if (ev < 0) continue;
    const ReferenceEvent& e = doc.catalog->events()[ev];
    const std::optional<PartialDate> when = StartOf(e);
    if (!when.has_value()) continue;
    const double days =
        static_cast<double>(doc.document->published - CivilOf(*when));
    if (days < 0) continue;
    Finding f = EventFinding(doc, locator, t.begin, t.end, *m, e,
                             FindingKind::kPublicationDate, when, 0.8f);
    f.claimed_value = t.value;
    const std::string between = absl::StrCat(
        e.title, " took place ", OnOrIn(*when), ", ", DaysForPeople(days),
        " before the article's date, ",
        FormatDateForPeople(DayDate(doc.document->published)));
    if (Fits(days, *amount, t.mod)) {
      Confirm(between, t.text, f);
    } else {
      if (m->described) continue;
      f.suggestion = absl::StrCat(FormatAmount(days, *amount, t.text), " ago");
      f.explanation = absl::StrCat(between, "; the text says \"", t.text,
                                   "\".");
    }
    AddEventFinding(std::move(f), ev, *m, findings, notes);
  }
}

// "a four-day truce", "the two-day summit", "Assad's 24-year rule": a
// length written as an adjective of the event's name is the event's own
// length, from its first day to its last. One that fits is confirmed; one
// off by half or twice is contradicted; one in between is left, as a
// truce agreed for four days and extended to seven may be called either.
void CheckEventLengths(const DocumentContext& doc, TextLocator& locator,
                       std::vector<Finding>& findings,
                       std::vector<ClaimNote>& notes) {
  EventOf event_of(notes);
  for (const TimeExpression& d : *doc.times) {
    if (d.type != TimexType::kDuration || d.text.find('-') == std::string::npos ||
        !d.mod.empty()) {
      continue;
    }
    const std::optional<Amount> amount = ParseDurationValue(d.value);
    if (!amount.has_value()) continue;
    const SentenceBounds* s = doc.document->SentenceAt(d.begin);
    if (s == nullptr) continue;
    // "the 10-year anniversary of ...": counted apart (CheckAnniversaries).
    const std::size_t next = doc.document->WordAt(d.end);
    if (next < doc.document->words.size() &&
        doc.document->words[next].norm == "anniversary") {
      continue;
    }
    // The name it qualifies: one that holds it, else the first within four
    // words after it ("the 42-day first phase of the ceasefire").
    const EventMention* m = nullptr;
    for (const EventMention& e : BeginningIn(*doc.mentions, s->begin, d.end)) {
      if (e.begin <= d.begin && d.end <= e.end && !e.candidates.empty()) m = &e;
    }
    if (m == nullptr) {
      m = MentionNear(doc, d.end, d.end, s->end, false);
      // Within the noun phrase: no punctuation between ("a 30-day
      // ceasefire, following talks in Jeddah" is no length of the talks).
      if (m != nullptr &&
          (doc.document->WordAt(m->begin) > doc.document->WordAt(d.end) + 4 ||
           doc.document->Slice(d.end, m->begin).find_first_of(",;:()\"") !=
               absl::string_view::npos)) {
        m = nullptr;
      }
    }
    if (m == nullptr) continue;
    const int ev = EventToCheck(event_of, *m);
    if (ev < 0) continue;
    const ReferenceEvent& e = doc.catalog->events()[ev];
    const std::optional<PartialDate> first = StartOf(e);
    const std::optional<PartialDate> last = EndOf(e);
    if (!first.has_value() || !last.has_value() ||
        first->granularity != Granularity::kDay ||
        last->granularity != Granularity::kDay) {
      continue;
    }
    // Both days count: a summit on 24 and 25 June lasted two days.
    const double days =
        static_cast<double>(CivilOf(*last) - CivilOf(*first)) + 1;
    const double claimed = amount->n * UnitDays(amount->unit);
    const bool fits = Fits(days, *amount, "");
    if (!fits && (m->described || (days < 2 * claimed && days > claimed / 2))) {
      continue;
    }
    Finding f = EventFinding(doc, locator, d.begin, d.end, *m, e,
                             FindingKind::kReference, first, 0.8f);
    f.claimed_value = d.value;
    const std::string lasted = absl::StrCat(
        e.title, " lasted from ", FormatDateForPeople(*first), " to ",
        FormatDateForPeople(*last), ", ", DaysForPeople(days));
    if (fits) {
      Confirm(lasted, d.text, f);
    } else {
      std::string length = FormatAmount(days, *amount, d.text);
      // "four-day" written again: "seven days" -> "seven-day".
      if (absl::EndsWith(length, "s")) length.pop_back();
      absl::StrReplaceAll({{" ", "-"}}, &length);
      if (absl::StartsWith(length, "a-")) length = absl::StrCat("one-", length.substr(2));
      f.suggestion = length;
      f.explanation = absl::StrCat(lasted, "; the text says ", d.text, ".");
    }
    AddEventFinding(std::move(f), ev, *m, findings, notes);
  }
}

// The years an anniversary counts, written before words[at] ("the
// fifth anniversary", "the 10th anniversary", "the 10-year anniversary",
// "20 years since"), and the index of its first word; 0 when none is.
int AnniversaryYears(const std::vector<Word>& words, std::size_t at,
                     std::size_t* first) {
  std::size_t count = 0;
  if (words[at].norm == "anniversary") {
    if (const int n = OrdinalBefore(words, at, &count); n > 0) {
      *first = at - count;
      return n;
    }
  }
  // "10-year anniversary", "two-year anniversary", "20 years since".
  if (at < 2 || ParseUnitWord(words[at - 1].norm) != Unit::kYear) return 0;
  const std::optional<Amount> a =
      ParseAmountWords(absl::MakeConstSpan(&words[at - 2], 2));
  if (!a.has_value() || words[at - 2].norm == "a" ||
      words[at - 2].norm == "an") {
    return 0;
  }
  *first = at - 2;
  return static_cast<int>(a->n);
}

// The anniversary words[first..at] written again for `years`, in their
// style: "fifth anniversary" -> "fourth anniversary", "10th" -> "11th",
// "two-year anniversary" -> "three-year anniversary", "20 years since" ->
// "21 years since".
std::string AnniversaryWording(const std::vector<Word>& words,
                               std::size_t first, std::size_t at, int years) {
  static const char* const kOrdinals[] = {
      "",        "first",  "second", "third", "fourth", "fifth",
      "sixth",   "seventh", "eighth", "ninth", "tenth"};
  static const char* const kCardinals[] = {"",     "one", "two",   "three",
                                           "four", "five", "six",  "seven",
                                           "eight", "nine", "ten"};
  const absl::string_view number = words[first].norm;
  const bool digits = absl::ascii_isdigit(number[0]);
  std::string n;
  if (ParseUnitWord(words[at - 1].norm) != Unit::kYear) {  // "fifth", "10th"
    if (!digits && years <= 10) {
      n = kOrdinals[years];
    } else {
      const int tens = years % 100;
      const int last = years % 10;
      n = absl::StrCat(years, tens >= 11 && tens <= 13 ? "th"
                              : last == 1              ? "st"
                              : last == 2              ? "nd"
                              : last == 3              ? "rd"
                                                       : "th");
    }
    return absl::StrCat(n, " ", words[at].norm);
  }
  n = !digits && years <= 10 ? std::string(kCardinals[years])
                             : absl::StrCat(years);
  if (words[at].norm == "since") {
    return absl::StrCat(n, years == 1 ? " year since" : " years since");
  }
  return absl::StrCat(n, "-year ", words[at].norm);
}

// An anniversary of an event: "the fifth anniversary of the attacks",
// "marks 20 years since the invasion", "the 10-year anniversary of the
// earthquake", counted to the day the sentence gives ("March 11, 2016
// marks the fifth anniversary ...") or else to the article's date. An
// anniversary near that day is confirmed; one of another count near it
// is contradicted; one far from any (a year's events recalled) is left.
void CheckAnniversaries(const DocumentContext& doc, TextLocator& locator,
                        std::vector<Finding>& findings,
                        std::vector<ClaimNote>& notes) {
  EventOf event_of(notes);
  // How far from the anniversary's day copy still speaks of it ("this
  // week marks", "ahead of the anniversary").
  constexpr int kNearDays = 45;
  const std::vector<Word>& words = doc.document->words;
  for (std::size_t at = 0; at < words.size(); ++at) {
    const absl::string_view w = words[at].norm;
    if (w != "anniversary" && w != "since") continue;
    std::size_t first = 0;
    const int years = AnniversaryYears(words, at, &first);
    if (years <= 0 || years > 2000) continue;
    const SentenceBounds* s = doc.document->SentenceAt(words[at].begin);
    if (s == nullptr || words[first].begin < s->begin) continue;
    // "two years since the invasion" read already as a duration.
    if (std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
          return f.span.begin == words[first].begin;
        })) {
      continue;
    }
    const EventMention* m = AnniversaryOf(*doc.document, *doc.mentions, at);
    if (m == nullptr || m->candidates.empty()) continue;
    const int ev = EventToCheck(event_of, *m);
    if (ev < 0) continue;
    const ReferenceEvent& e = doc.catalog->events()[ev];
    const std::optional<PartialDate> when = StartOf(e);
    if (!when.has_value() || when->granularity == Granularity::kYear) continue;
    // The day counted to: a day the sentence gives, else the article's.
    absl::CivilDay day = doc.document->published;
    for (const TimeExpression& t : BeginningIn(*doc.times, s->begin, s->end)) {
      if (t.date.has_value() && t.date->granularity == Granularity::kDay &&
          !(t.begin < m->end && m->begin < t.end)) {
        day = CivilOf(*t.date);
        break;
      }
    }
    const absl::CivilDay began = CivilOf(*when);
    // The anniversary nearest `day`, and how far from it `day` is.
    const auto anniversary = [&](std::int64_t n) {
      return absl::CivilDay(began.year() + n, began.month(),
                            when->granularity == Granularity::kDay ? began.day()
                                                                   : 15);
    };
    const int slack =
        when->granularity == Granularity::kDay ? kNearDays : kNearDays + 15;
    std::int64_t nearest = day.year() - began.year();
    if (day - anniversary(nearest) > 182) ++nearest;
    if (anniversary(nearest) - day > 182) --nearest;
    if (std::abs(day - anniversary(nearest)) > slack || nearest <= 0) continue;
    Finding f = EventFinding(doc, locator, words[first].begin, words[at].end,
                             *m, e, FindingKind::kPublicationDate, when, 0.85f);
    const std::string counted =
        day == doc.document->published
            ? absl::StrCat("the article's date, ",
                           FormatDateForPeople(DayDate(day)))
            : FormatDateForPeople(DayDate(day));
    const std::string before =
        absl::StrCat(e.title, " took place ", OnOrIn(*when), ", ", nearest,
                     nearest == 1 ? " year" : " years", " before ", counted);
    if (nearest == years) {
      Confirm(before, f.claimed_text, f);
    } else {
      if (m->described) continue;
      f.suggestion = AnniversaryWording(words, first, at, nearest);
      f.explanation = absl::StrCat(before, "; the text says \"",
                                   f.claimed_text, "\".");
    }
    AddEventFinding(std::move(f), ev, *m, findings, notes);
  }
}

// How the text named the event of `f`: "the Artillery for Ukraine
// coalition", else the event's title.
std::string Naming(const EventMention& m, const Finding& f) {
  if (m.after_definite_article && !f.event_text.empty()) {
    return absl::StrCat("the ", f.event_text);
  }
  return f.event_title.empty() ? f.event_text : f.event_title;
}

}  // namespace

void CheckAgainstPublicationDate(const DocumentContext& doc,
                                 TextLocator& locator,
                                 std::vector<Finding>& findings,
                                 std::vector<ClaimNote>& notes) {
  CheckSinceAfterPublication(doc, locator, findings, notes);
  CheckUpcoming(doc, locator, findings, notes);
  CheckDurations(doc, locator, findings, notes);
  CheckAnniversaries(doc, locator, findings, notes);
  CheckAgo(doc, locator, findings, notes);
  CheckEventLengths(doc, locator, findings, notes);
}

void CheckRelativeStatements(const DocumentContext& doc, TextLocator& locator,
                             std::vector<Finding>& findings,
                             std::vector<ClaimNote>& notes) {
  EventOf event_of(notes);
  const std::vector<Word>& words = doc.document->words;
  const std::size_t claims = notes.size();
  for (const TimeExpression& d : *doc.times) {
    const SentenceBounds* s = doc.document->SentenceAt(d.begin);
    if (s == nullptr) continue;
    const std::size_t next = doc.document->WordAt(d.end);
    // The expression's own words, as the document split them.
    const absl::Span<const Word> own = doc.document->WordsIn(d.begin, d.end);
    // "the following day", "the next week", "the previous day": one unit
    // from the date the text gave last.
    std::optional<Amount> one_unit;
    if (own.size() == 3 && own[0].norm == "the" &&
        (own[1].norm == "following" || own[1].norm == "next" ||
         own[1].norm == "previous" || own[1].norm == "preceding")) {
      if (const std::optional<Unit> unit = ParseUnitWord(own[2].norm)) {
        one_unit = Amount{.n = 1, .unit = *unit};
      }
    }
    const bool next_unit = one_unit.has_value();
    const bool shifted =
        next_unit || (!own.empty() && (own.back().norm == "later" ||
                                       own.back().norm == "earlier"));

    if (d.type == TimexType::kDuration && next < words.size() &&
        words[next].end <= s->end &&
        (words[next].norm == "after" || words[next].norm == "before")) {
      // "less than a month after the launch of X on 18 January", "a year
      // after the invasion": the event follows within a few words.
      const bool is_after = words[next].norm == "after";
      const std::optional<Amount> amount = ParseDurationValue(d.value);
      if (!amount.has_value()) continue;
      const EventMention* m = MentionNear(doc, d.end, d.end, s->end, false);
      if (m == nullptr || doc.document->WordAt(m->begin) > next + 5) continue;
      const int ev = event_of(*m);
      if (ev < 0) continue;
      const ReferenceEvent& e = doc.catalog->events()[ev];
      const std::size_t after_name = doc.document->WordAt(m->end);
      const bool ended = after_name < words.size() &&
                         words[after_name].end <= s->end &&
                         EndCues().contains(words[after_name].norm);
      const std::optional<PartialDate> event_date =
          ended ? EndOf(e) : StartOf(e);
      if (!event_date.has_value()) continue;
      // What the statement is relative to: another date of the sentence,
      // another dated event it names, or, in the present tense, the
      // article's own date.
      std::optional<PartialDate> anchor;
      std::size_t anchor_gap = 0;
      std::string anchor_words;
      std::optional<TextSpan> anchor_span;
      // An anchor at least as fine as the amount: "a day after" cannot be
      // measured from "one year ago" or "this year".
      const Granularity needed =
          amount->unit == Unit::kYear    ? Granularity::kYear
          : amount->unit == Unit::kMonth ? Granularity::kMonth
                                         : Granularity::kDay;
      for (const TimeExpression& t :
           BeginningIn(*doc.times, s->begin, s->end)) {
        if (&t == &d || !t.date.has_value() || t.end > s->end ||
            t.date->granularity < needed) {
          continue;
        }
        const bool paired_with_m = std::any_of(
            notes.begin(), notes.end(),
            [&](const ClaimNote& n) { return n.time == &t && n.mention == m; });
        if (paired_with_m || (t.begin >= m->begin && t.end <= m->end)) continue;
        // The nearest such date: in "celebrated on Saturday the
        // reunification on Oct. 3, 1990, which came less than a year
        // after X", it is 3 October 1990 that is a year after X.
        const std::size_t gap =
            t.end <= d.begin ? d.begin - t.end : t.begin - d.end;
        if (anchor.has_value() && gap >= anchor_gap) continue;
        anchor_gap = gap;
        anchor = *t.date;
        anchor_words = t.text;
        anchor_span = locator.Locate(t.begin, t.end);
      }
      if (!anchor.has_value()) {
        for (const EventMention& other :
             BeginningIn(*doc.mentions, s->begin, s->end)) {
          if (&other == m || other.end > s->end) continue;
          const int oe = event_of(other);
          if (oe < 0 || oe == ev) continue;
          const std::optional<PartialDate> od =
              StartOf(doc.catalog->events()[oe]);
          if (!od.has_value()) continue;
          anchor = od;
          anchor_words = doc.catalog->events()[oe].title;
          anchor_span = locator.Locate(other.begin, other.end);
          break;
        }
      }
      if (!anchor.has_value()) {
        if (ReadsAsPast(doc.document->text, WordsIn(doc.document->words, s->begin, s->end)) ||
            !SentenceHas(doc, *s, PresentCues())) {
          continue;
        }
        anchor = DayDate(doc.document->published);
        anchor_words = "the article's date";
      }
      double days =
          static_cast<double>(CivilOf(*anchor) - CivilOf(*event_date));
      if (!is_after) days = -days;
      bool fits = days >= 0 && Fits(days, *amount, d.mod);
      // "Two days after the shootings" of an event that lasted three days
      // may count from any of them.
      if (!fits && !ended) {
        if (const std::optional<PartialDate> last = EndOf(e);
            last.has_value() && CivilOf(*last) != CivilOf(*event_date)) {
          double to_end =
              static_cast<double>(CivilOf(*anchor) - CivilOf(*last));
          if (!is_after) to_end = -to_end;
          const double amount_days = amount->n * UnitDays(amount->unit);
          fits = (to_end >= 0 && Fits(to_end, *amount, d.mod)) ||
                 (amount_days >= std::min(days, to_end) &&
                  amount_days <= std::max(days, to_end));
        }
      }
      // A statement that fits is left as it is: it dates no claim of its
      // own (one that does is re-judged below).
      if (fits) continue;
      Finding f = EventFinding(doc, locator, d.begin, d.end, *m, e,
                               FindingKind::kRelative, event_date, 0.85f);
      f.claimed_value = d.value;
      f.related_spans.push_back(f.event_span);
      if (anchor_span.has_value()) f.related_spans.push_back(*anchor_span);
      const std::string between = absl::StrCat(
          e.title, ended ? " ended " : " dates from ",
          FormatDateForPeople(*event_date), ", ", DaysForPeople(days),
          days >= 0 ? (is_after ? " before " : " after ")
                    : (is_after ? " after " : " before "),
          anchor_words, " (", FormatDateForPeople(*anchor), ")");
      f.suggestion = days > 0 ? FormatAmount(days, *amount, d.text) : "";
      f.explanation =
          absl::StrCat(between, ", not ", absl::AsciiStrToLower(d.text), ".");
      AddEventFinding(std::move(f), ev, *m, findings, notes);
      continue;
    }

    if (!shifted) continue;
    // "Two days later, the summit ended": later than the date the text
    // gave last, by about the amount it says.
    const std::optional<Amount> amount =
        next_unit ? one_unit : ParseAmountWords(own);
    if (!amount.has_value()) continue;
    // The last such date before this one, scanned back from it.
    const TimeExpression* previous = nullptr;
    for (const TimeExpression* t = &d; previous == nullptr &&
                                       t != doc.times->data();) {
      --t;
      // A date the text wrote out, or any that names its day ("yesterday",
      // "thirty years ago today"): a month that "a year earlier" yields is
      // too coarse to measure "two days later" from.
      if (t->begin < d.begin && t->date.has_value() &&
          (t->style != DateStyle::kOther ||
           t->date->granularity == Granularity::kDay)) {
        previous = t;
      }
    }
    if (previous == nullptr) continue;
    // The claim the pairing made of it, if any; else the nearest event the
    // sentence names.
    int note_index = -1;
    for (std::size_t i = 0; i < claims; ++i) {
      if (notes[i].time == &d) note_index = static_cast<int>(i);
    }
    const EventMention* m =
        note_index >= 0 ? notes[note_index].mention : nullptr;
    if (m == nullptr) {
      m = MentionNear(doc, d.end, d.end, s->end, false);
      if (m == nullptr) m = MentionNear(doc, d.begin, s->begin, d.begin, true);
    }
    if (m == nullptr) continue;
    const int ev =
        note_index >= 0 ? notes[note_index].event : event_of(*m);
    if (ev < 0) continue;
    // "the attack on 7 January and the siege two days later": counted from
    // the event's own date, the later thing is another one.
    if (note_index < 0 && std::any_of(notes.begin(), notes.begin() + claims,
                                      [&](const ClaimNote& n) {
                                        return n.time == previous &&
                                               n.event == ev;
                                      })) {
      continue;
    }
    const ReferenceEvent& e = doc.catalog->events()[ev];
    const bool ended = note_index >= 0
                           ? notes[note_index].role == ClaimRole::kEnd
                           : SentenceHas(doc, *s, EndCues());
    const std::optional<PartialDate> event_date = ended ? EndOf(e) : StartOf(e);
    if (!event_date.has_value()) continue;
    double days =
        static_cast<double>(CivilOf(*event_date) - CivilOf(*previous->date));
    const bool later = next_unit
                           ? own[1].norm == "following" || own[1].norm == "next"
                           : own.back().norm == "later";
    if (!later) days = -days;
    const bool fits = days >= 0 && Fits(days, *amount, "");
    Finding f = MakeFinding(doc, locator, d.begin, d.end);
    SetEvent(doc, locator, *m, e, f);
    f.claimed_value = d.value;
    f.reference_date = event_date;
    f.related_spans.push_back(locator.Locate(previous->begin, previous->end));
    const std::string between =
        absl::StrCat(e.title, ended ? " ended " : " took place ",
                     OnOrIn(*event_date), ", ", DaysForPeople(days),
                     days >= 0 ? (later ? " after " : " before ")
                               : (later ? " before " : " after "),
                     previous->text);
    if (fits) {
      if (note_index < 0) continue;
      f.confidence = 0.9f;
      Confirm(between, d.text, f);
    } else {
      f.kind = FindingKind::kRelative;
      f.confidence = 0.85f;
      f.suggestion = days > 0
                         ? absl::StrCat(FormatAmount(days, *amount, d.text),
                                        later ? " later" : " earlier")
                         : "";
      f.explanation =
          absl::StrCat(between, ", not ", absl::AsciiStrToLower(d.text), ".");
    }
    if (note_index >= 0) {
      f.event_span = findings[note_index].event_span;
      f.event_text = findings[note_index].event_text;
      findings[note_index] = std::move(f);
    } else {
      AddEventFinding(std::move(f), ev, *m, findings, notes);
    }
  }
}

void CheckWithinDocument(const DocumentContext& doc,
                         std::vector<Finding>& findings,
                         const std::vector<ClaimNote>& notes) {
  for (std::size_t i = 0; i < findings.size() && i < notes.size(); ++i) {
    const ClaimNote& a = notes[i];
    if (a.time == nullptr || a.event < 0) continue;
    // The start and the end of a lasting event are different dates; a
    // one-time event has one, whatever verb the text uses.
    const bool one_time = doc.catalog->events()[a.event].date.has_value();
    const bool a_end = !one_time && a.role == ClaimRole::kEnd;
    for (std::size_t j = 0; j < findings.size() && j < notes.size(); ++j) {
      const ClaimNote& b = notes[j];
      if (i == j || b.time == nullptr || b.event != a.event ||
          (!one_time && b.role == ClaimRole::kEnd) != a_end) {
        continue;
      }
      if (AgreeAtCoarserGranularity(a.claimed, b.claimed)) continue;
      Finding& fa = findings[i];
      const Finding& fb = findings[j];
      // With a reference date, the claim it contradicts is the wrong one,
      // when another claim of the document agrees with the reference.
      // Without one, the later claim departs from the earlier.
      const bool has_reference = fa.verdict != Verdict::kUnverifiable ||
                                 fb.verdict != Verdict::kUnverifiable;
      const bool flag_a = has_reference
                              ? fa.verdict == Verdict::kContradicted &&
                                    fb.verdict == Verdict::kSupported
                              : j < i;
      if (!flag_a || fa.kind == FindingKind::kRelative) continue;
      fa.kind = FindingKind::kWithinDocument;
      fa.verdict = Verdict::kContradicted;
      fa.related_spans.push_back(fb.span);
      if (has_reference) {
        fa.severity = Severity::kError;
        fa.confidence = 0.95f;
        fa.explanation =
            absl::StrCat("Elsewhere the text dates ", Naming(*b.mention, fb),
                         " to ", fb.claimed_text, ", as the reference does (",
                         FormatDateForPeople(*fb.reference_date),
                         "); here it says ", fa.claimed_text, ".");
      } else {
        fa.severity = Severity::kWarning;
        fa.confidence = 0.7f;
        fa.explanation = absl::StrCat(
            "Earlier the text dates ", Naming(*b.mention, fb), " to ",
            fb.claimed_text, "; here it says ", fa.claimed_text, ".");
        if (b.time != nullptr && a.time != nullptr) {
          fa.suggestion = FormatDateLike(
              Truncate(b.claimed, a.claimed.granularity), a.time->style);
        }
      }
      break;
    }
  }
}

}  // namespace factcheck
