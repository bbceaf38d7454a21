#include "engine/checker.h"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "engine/consistency_checks.h"
#include "engine/words.h"

namespace factcheck {
namespace {

// "on 24 February 2022", "in February 2022", "in 2022".
std::string OnOrIn(const PartialDate& d) {
  return absl::StrCat(d.granularity == Granularity::kDay ? "on " : "in ",
                      FormatDateForPeople(d));
}

// What the reference says about `event`, as a verb phrase: "began on 24
// February 2022", "took place on 14 February 2024", "lasted from ... to ...";
// for a claim of the start or the end of a lasting event, that date alone.
std::string ReferencePhrase(const ReferenceEvent& event,
                            ClaimRole role = ClaimRole::kPoint) {
  if (event.date.has_value())
    return absl::StrCat("took place ", OnOrIn(*event.date));
  if (role == ClaimRole::kStart && event.start.has_value()) {
    return absl::StrCat("began ", OnOrIn(*event.start));
  }
  if (role == ClaimRole::kEnd && event.end.has_value()) {
    return absl::StrCat("ended ", OnOrIn(*event.end));
  }
  if (event.start.has_value() && event.end.has_value()) {
    return absl::StrCat("lasted from ", FormatDateForPeople(*event.start),
                        " to ", FormatDateForPeople(*event.end));
  }
  return absl::StrCat("began ", OnOrIn(*event.start));
}

// Types of event that last and are spoken of day by day while they do
// ("the war", "the occupation"): a date in their course is no claim about
// their start. An invasion or an offensive is named by its start.
bool IsDurative(absl::string_view type) {
  static const auto* const kTypes = new absl::flat_hash_set<absl::string_view>{
      "war",       "civil war", "conflict",        "occupation",
      "siege",     "pandemic",  "epidemic",        "crisis",
      "blockade",  "insurgency", "protest movement", "presidency",
      "reign",     "tenure",    "term of office"};
  return kTypes->contains(type);
}

PartialDate WithYear(PartialDate d, int year) {
  d.year = year;
  d.year_known = true;
  return d;
}

struct Comparison {
  Verdict verdict = Verdict::kUnverifiable;
  std::optional<PartialDate> reference;  // The date compared with.
};

// Compares the claimed date with the event's reference dates. A date the
// text wrote without a year is compared on month and day only.
Comparison Compare(const ReferenceEvent& event, PartialDate claimed,
                   ClaimRole role, int publication_year) {
  Comparison c;
  if (event.date.has_value()) {
    c.reference = event.date;
    c.verdict = AgreeAtCoarserGranularity(claimed, *event.date)
                    ? Verdict::kSupported
                    : Verdict::kContradicted;
    return c;
  }
  if (!event.start.has_value()) return c;  // A series: no date to compare.
  const bool ended = event.end.has_value();
  if (role == ClaimRole::kEnd) {
    if (!ended) return c;  // Still going on: an end date cannot be checked.
    c.reference = event.end;
    c.verdict = AgreeAtCoarserGranularity(claimed, *event.end)
                    ? Verdict::kSupported
                    : Verdict::kContradicted;
    return c;
  }
  c.reference = event.start;
  if (role == ClaimRole::kPoint && !ended && IsDurative(event.type)) {
    // "the war in Gaza on Friday": a day of a war still going on, not its
    // start; only a date before the war began contradicts it.
    c.verdict = LastDay(claimed.year_known ? claimed
                                           : WithYear(claimed,
                                                      publication_year)) >=
                        FirstDay(*event.start)
                    ? Verdict::kSupported
                    : Verdict::kContradicted;
    return c;
  }
  if (role == ClaimRole::kPoint && ended) {
    // A date within the event's span fits ("the battle in 2023"); a date
    // written without a year fits when it does in one of the event's years
    // ("the sinking of the Moskva on 14 April"), in a year up to the
    // article's or the one the tagger resolved it to: a year-less date
    // means a recent one, not one that comes round again later in the
    // event.
    const PartialDate start = Truncate(*event.start, claimed.granularity);
    const PartialDate end = Truncate(*event.end, claimed.granularity);
    bool overlaps = false;
    const int last_year =
        std::min(event.end->year, std::max(claimed.year, publication_year));
    for (int year = claimed.year_known ? claimed.year : event.start->year;
         year <= (claimed.year_known ? claimed.year : last_year); ++year) {
      PartialDate in_year = claimed;
      in_year.year = year;
      overlaps = overlaps || (FirstDay(in_year) <= LastDay(end) &&
                              LastDay(in_year) >= FirstDay(start));
    }
    c.verdict = overlaps ? Verdict::kSupported : Verdict::kContradicted;
    return c;
  }
  // "since X", or a point date of an event that is still going on: news
  // copy means its beginning ("the invasion in February 2022").
  c.verdict = AgreeAtCoarserGranularity(claimed, *event.start)
                  ? Verdict::kSupported
                  : Verdict::kContradicted;
  return c;
}

std::size_t Gap(std::size_t a_begin, std::size_t a_end, std::size_t b_begin,
                std::size_t b_end) {
  if (a_end <= b_begin) return b_begin - a_end;
  if (b_end <= a_begin) return a_begin - b_end;
  return 0;
}

// A date a claim can be checked on: a calendar date, or the day of a
// day's part ("on Tuesday evening").
bool IsCalendarDate(const TimeExpression& t) {
  return (t.type == TimexType::kDate || t.type == TimexType::kTime) &&
         t.date.has_value();
}

// Words too common in event names to tell two events apart.
bool IsNameFiller(absl::string_view w) {
  static const auto* const kFiller = new absl::flat_hash_set<absl::string_view>{
      "the", "of",  "in", "on",   "at", "a",   "an",
      "and", "for", "to", "with", "by", "from"};
  return kFiller->contains(w);
}

// The most words between an event's name and a date that can be a claim
// about it: farther apart in one long sentence, they sit in different
// clauses.
constexpr std::size_t kMaxClaimGapWords = 15;

// Words between a date and an event's name that make the date another
// thing's: "on May 22, 2018 joined families of the victims of the bombing",
// "March 11, 2016 marks the fifth anniversary of the earthquake".
bool IsOtherThingCue(absl::string_view w) {
  static const auto* const kCues = new absl::flat_hash_set<absl::string_view>{
      "anniversary", "anniversaries", "commemoration", "commemorate",
      "commemorated", "commemorates", "commemorating", "memorial",
      "tribute",     "victims",       "marks",         "marked",
      "marking",     "remembrance",   "vigil",         "mourn",
      "mourned",     "mourning",      "amid"};
  return kCues->contains(w);
}

// Words right after a date that make it a picture's: "In this July 20,
// 1969, photo", "a file picture shows ..., 28 April 2011".
bool IsPictureWord(absl::string_view w) {
  return w == "photo" || w == "photograph" || w == "picture" ||
         w == "image" || w == "file";
}

// The years written in words[begin, end) ("the 1986 World Cup").
std::vector<int> YearsIn(absl::Span<const Word> words) {
  std::vector<int> years;
  for (const Word& w : words) {
    int year = 0;
    if (w.norm.size() == 4 && absl::SimpleAtoi(w.norm, &year) &&
        year >= 1000) {
      years.push_back(year);
    }
  }
  return years;
}

// "said", "told": verbs that report a statement, whose date is not the
// date of what it reports.
bool IsReportingVerb(absl::string_view w) {
  // Verbs of saying and of asking: "the siege began, appealed on Tuesday
  // for an evacuation" dates the appeal.
  static const auto* const kVerbs = new absl::flat_hash_set<absl::string_view>{
      "said",     "says",         "told",    "tells",     "announced",
      "reported", "stated",       "added",   "confirmed", "claimed",
      "wrote",    "appealed",     "urged",   "pleaded",   "demanded",
      "warned",   "vowed",        "pledged", "insisted",  "argued",
      "denied",   "acknowledged", "tweeted", "posted"};
  return kVerbs->contains(w);
}

// True when sentence `s` is a picture's caption: it or the sentence after
// it credits a photographer ("Photo by", "(AP Photo/...)", "Photograph:").
bool IsCaption(absl::string_view text, const SentenceBounds& s,
               const std::vector<SentenceBounds>& sentences) {
  const auto credits = [&](const SentenceBounds& b) {
    const absl::string_view t = text.substr(b.begin, b.end - b.begin);
    return absl::StrContains(t, "Photo by") ||
           absl::StrContains(t, "Photograph:") ||
           absl::StrContains(t, "(Photo") || absl::StrContains(t, "AP Photo") ||
           absl::StartsWith(t, "Photo:") || absl::StartsWith(t, "File photo");
  };
  if (credits(s)) return true;
  const SentenceBounds* next = &s + 1;
  return next < sentences.data() + sentences.size() && credits(*next);
}

struct Choice {
  int event = -1;      // Index into the catalog; -1 when undecided.
  std::string reason;  // Why, when the name alone did not decide.
};

// Picks the event a mention means. One candidate: that one. Several (a
// shared alias): the only one whose date fits the claim; else the only one
// whose own words (title, location, participants) the sentence uses beyond
// the shared name. Otherwise none: a guess must not become a contradiction.
Choice ChooseEvent(const EventCatalog& catalog, const EventMention& m,
                   const PartialDate& claimed, ClaimRole role,
                   int publication_year, absl::string_view sentence,
                   absl::string_view mention_text) {
  if (m.candidates.size() == 1) return {m.candidates[0], ""};
  std::vector<int> fitting;
  for (int c : m.candidates) {
    if (Compare(catalog.events()[c], claimed, role, publication_year).verdict ==
        Verdict::kSupported) {
      fitting.push_back(c);
    }
  }
  if (fitting.size() == 1) return {fitting[0], "the one whose date fits"};

  absl::flat_hash_set<std::string> context;
  for (Word& w : SplitWords(sentence)) context.insert(std::move(w.norm));
  for (const Word& w : SplitWords(mention_text)) context.erase(w.norm);
  const std::vector<int>& pool = fitting.empty() ? m.candidates : fitting;
  int best = -1, best_score = 0, ties = 0;
  std::string best_word;
  for (int c : pool) {
    const ReferenceEvent& e = catalog.events()[c];
    std::string words = absl::StrCat(e.title, " ", e.location);
    for (const std::string& p : e.participants) absl::StrAppend(&words, " ", p);
    absl::flat_hash_set<std::string> seen;
    std::string first_word;
    for (const Word& w : SplitWords(words)) {
      // Numbers (years) are the date's business, not the name's.
      if (IsNameFiller(w.norm) || absl::c_all_of(w.norm, absl::ascii_isdigit) ||
          !context.contains(w.norm)) {
        continue;
      }
      if (seen.insert(w.norm).second && first_word.empty()) {
        first_word = std::string(words.substr(w.begin, w.end - w.begin));
      }
    }
    const int score = static_cast<int>(seen.size());
    if (score > best_score) {
      best = c, best_score = score, ties = 0, best_word = first_word;
    } else if (score == best_score && score > 0) {
      ++ties;
    }
  }
  if (best >= 0 && ties == 0) {
    return {best,
            absl::StrCat("which the sentence names by \"", best_word, "\"")};
  }
  return {};
}

// "1st", "2nd", "3rd", "11th", "21st".
std::string OrdinalWord(int n) {
  const int tens = n % 100, units = n % 10;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    if (units == 1) suffix = "st";
    if (units == 2) suffix = "nd";
    if (units == 3) suffix = "rd";
  }
  return absl::StrCat(n, suffix);
}

}  // namespace

absl::string_view FindingKindName(FindingKind kind) {
  switch (kind) {
    case FindingKind::kReference:
      return "REFERENCE";
    case FindingKind::kPublicationDate:
      return "PUBLICATION_DATE";
    case FindingKind::kSeries:
      return "SERIES";
    case FindingKind::kRelative:
      return "RELATIVE";
    case FindingKind::kWithinDocument:
      return "WITHIN_DOCUMENT";
    case FindingKind::kAcrossSources:
      return "ACROSS_SOURCES";
  }
  return "FINDING_KIND_UNSPECIFIED";
}

std::string FormatDateForPeople(const PartialDate& d) {
  const std::string year = d.year_known ? absl::StrCat(d.year) : "";
  switch (d.granularity) {
    case Granularity::kDay:
      return d.year_known
                 ? absl::StrCat(d.day, " ", MonthName(d.month), " ", year)
                 : absl::StrCat(d.day, " ", MonthName(d.month));
    case Granularity::kMonth:
      return d.year_known ? absl::StrCat(MonthName(d.month), " ", year)
                          : std::string(MonthName(d.month));
    case Granularity::kYear:
      break;
  }
  return year;
}

std::string FormatDateLike(const PartialDate& date, DateStyle style) {
  const PartialDate& d = date;
  const bool day = d.granularity == Granularity::kDay;
  const bool month = d.granularity >= Granularity::kMonth;
  const std::string name(MonthName(d.month));
  switch (style) {
    case DateStyle::kDayMonthYear:
      if (day) return absl::StrCat(d.day, " ", name, " ", d.year);
      return month ? absl::StrCat(name, " ", d.year) : absl::StrCat(d.year);
    case DateStyle::kMonthDayYear:
      if (day) return absl::StrCat(name, " ", d.day, ", ", d.year);
      return month ? absl::StrCat(name, " ", d.year) : absl::StrCat(d.year);
    case DateStyle::kDayMonth:
      if (day) return absl::StrCat(d.day, " ", name);
      return month ? name : absl::StrCat(d.year);
    case DateStyle::kMonthDay:
      if (day) return absl::StrCat(name, " ", d.day);
      return month ? name : absl::StrCat(d.year);
    case DateStyle::kMonthYear:
      return month ? absl::StrCat(name, " ", d.year) : absl::StrCat(d.year);
    case DateStyle::kMonth:
      return month ? name : absl::StrCat(d.year);
    case DateStyle::kYear:
      return absl::StrCat(d.year);
    case DateStyle::kIso:
      return d.ToTimex();
    case DateStyle::kOther:
      break;
  }
  return FormatDateForPeople(d);
}

Checker::Checker(std::shared_ptr<const EventCatalog> catalog)
    : catalog_(std::move(catalog)) {}

absl::StatusOr<CheckResult> Checker::Check(absl::string_view text,
                                           absl::CivilDay published,
                                           const CheckLimits& limits) const {
  if (text.empty()) return absl::InvalidArgumentError("text is empty");
  if (absl::Status s = ValidateUtf8(text); !s.ok()) return s;

  const std::vector<TimeExpression> times = tagger_.Tag(text, published);
  if (times.size() > limits.max_time_expressions) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the text has ", times.size(),
                     " time expressions, over the limit of ",
                     limits.max_time_expressions, " for one check"));
  }
  // One split into words and one into sentences serve matching and
  // checking.
  std::vector<Word> words = SplitWords(text);
  std::vector<SentenceBounds> sentences = SplitSentences(text);
  const std::vector<EventMention> mentions = catalog_->FindMentionsInWords(
      words, SentencesWithTimes(sentences, times));
  return CheckFoundWords(text, published, times, mentions, std::move(words),
                         std::move(sentences), limits);
}

std::vector<SentenceBounds> SentencesWithTimes(
    const std::vector<SentenceBounds>& sentences,
    const std::vector<TimeExpression>& times) {
  std::vector<SentenceBounds> out;
  std::size_t t = 0;
  for (const SentenceBounds& s : sentences) {
    while (t < times.size() && times[t].end <= s.begin) ++t;
    if (t < times.size() && times[t].begin < s.end) out.push_back(s);
  }
  return out;
}

CheckResult Checker::CheckFound(
    absl::string_view text, absl::CivilDay published,
    const std::vector<TimeExpression>& times,
    const std::vector<EventMention>& mentions) const {
  // Without limits nothing fails.
  return *CheckFoundWords(text, published, times, mentions, SplitWords(text),
                          SplitSentences(text), CheckLimits{});
}

absl::StatusOr<CheckResult> Checker::CheckFoundWords(
    absl::string_view text, absl::CivilDay published,
    const std::vector<TimeExpression>& times,
    const std::vector<EventMention>& mentions, std::vector<Word> words,
    std::vector<SentenceBounds> sentences, const CheckLimits& limits) const {
  // `count` findings at least; the claims alone are counted before the
  // findings are built, so that a text far over the limit costs little.
  const auto too_many_findings = [&](std::size_t count) {
    return absl::ResourceExhaustedError(
        absl::StrCat("the text makes ", count,
                     " findings or more, over the limit of ",
                     limits.max_findings, " for one check"));
  };
  CheckResult result;
  TextLocator locator(text);
  result.time_expressions.reserve(times.size());
  // Room for a finding per date and a few more, so that the large findings
  // are not moved as the vector grows.
  result.findings.reserve(times.size() + 4);
  for (const TimeExpression& t : times) {
    result.time_expressions.push_back({t, locator.Locate(t.begin, t.end)});
  }

  // Pairs each event mention with a date in its sentence when each is the
  // other's nearest: a date then belongs to the one event it is closest
  // to, which keeps one sentence's date from being pinned on every event
  // the sentence names.
  std::size_t next_time = 0, next_mention = 0;
  struct Pair {
    const EventMention* mention;
    const TimeExpression* time;
    const SentenceBounds* sentence;
  };
  std::vector<Pair> pairs;
  // Every credit IsCaption looks for has "Photo" or "File photo" in it: one
  // scan of the text spares one per sentence in copy without pictures.
  const bool may_have_captions = absl::StrContains(text, "Photo") ||
                                 absl::StrContains(text, "File photo");
  for (const SentenceBounds& s : sentences) {
    std::vector<const TimeExpression*> dates;
    std::vector<const EventMention*> named;
    // A caption's dates are the picture's: "... in Port-au-Prince, Haiti
    // on January 13, 2010. Photo by ...".
    const bool caption = may_have_captions && IsCaption(text, s, sentences);
    while (next_time < times.size() && times[next_time].begin < s.end) {
      const TimeExpression& t = times[next_time++];
      if (caption || t.begin < s.begin || !IsCalendarDate(t)) continue;
      // "In this July 20, 1969, photo ...".
      const absl::Span<const Word> after = WordsIn(words, t.end, s.end);
      if (!after.empty() && IsPictureWord(after.front().norm)) continue;
      dates.push_back(&t);
    }
    while (next_mention < mentions.size() &&
           mentions[next_mention].begin < s.end) {
      const EventMention& m = mentions[next_mention++];
      if (m.begin >= s.begin && !m.candidates.empty()) named.push_back(&m);
    }
    const auto nearest_date = [&](const EventMention* m) {
      const TimeExpression* best = nullptr;
      std::size_t best_gap = std::numeric_limits<std::size_t>::max();
      // A name written with its year ("the 1986 World Cup") is dated by
      // it: a date of another year nearby is another thing's.
      const std::vector<int> named_years =
          m->loose ? m->name_years : YearsIn(WordsIn(words, m->begin, m->end));
      for (const TimeExpression* t : dates) {
        const bool inside = t->begin < m->end && m->begin < t->end;
        if (!m->loose && inside) {
          // A date inside the name ("the 2024 Washington summit") is part
          // of the name, not a claim about it; a date the name is part of
          // ("Jan 6, 2021" for "January 6") dates the mention itself, which
          // then takes no other date.
          if (t->begin < m->begin || t->end > m->end) {
            return static_cast<const TimeExpression*>(nullptr);
          }
          continue;
        }
        // Between the words of a name written loosely a date is the
        // claim's ("NATO leaders met in The Hague on 25 June for a
        // summit"), unless it is the name's year alone ("the Tokyo 2020
        // Olympics opened").
        if (inside && t->date->granularity == Granularity::kYear &&
            absl::c_find(named_years, t->date->year) != named_years.end()) {
          continue;
        }
        if (!named_years.empty() && t->year_written &&
            absl::c_find(named_years, t->date->year) == named_years.end()) {
          continue;
        }
        // Far apart in a long sentence, they belong to different clauses;
        // except a date that opens the sentence ("On 14 February, ... the
        // ministers signed ..."), which dates its main clause.
        const std::size_t lo = std::min(m->end, t->end);
        const std::size_t hi = std::max(m->begin, t->begin);
        const bool opens_sentence = WordsIn(words, s.begin, t->begin).size() < 2;
        if (!opens_sentence && lo < hi &&
            WordsIn(words, lo, hi).size() > kMaxClaimGapWords) {
          continue;
        }
        const std::size_t gap = Gap(m->begin, m->end, t->begin, t->end);
        if (gap < best_gap) best = t, best_gap = gap;
      }
      return best;
    };
    const auto nearest_mention = [&](const TimeExpression* t) {
      const EventMention* best = nullptr;
      std::size_t best_gap = std::numeric_limits<std::size_t>::max();
      for (const EventMention* m : named) {
        if (!m->loose && t->begin < m->end && m->begin < t->end) continue;
        const std::size_t gap = Gap(m->begin, m->end, t->begin, t->end);
        if (gap < best_gap) best = m, best_gap = gap;
      }
      return best;
    };
    // A reporting verb between them ("the summit, officials said on
    // Friday") makes the date the statement's, not the event's.
    const auto reported_between = [&](const EventMention* m,
                                      const TimeExpression* t) {
      const std::size_t lo = std::min(m->end, t->end);
      const std::size_t hi = std::max(m->begin, t->begin);
      if (lo >= hi) return false;
      // So does a duration between them: "On 20 February, a year after the
      // invasion, ..." relates the date to the event, it does not date it.
      for (auto d = absl::c_lower_bound(times, lo,
                                        [](const TimeExpression& e,
                                           std::size_t at) {
                                          return e.begin < at;
                                        });
           d != times.end() && d->begin < hi; ++d) {
        if (d->type == TimexType::kDuration && d->end <= hi) return true;
      }
      for (const Word& w : WordsIn(words, lo, hi)) {
        if (IsReportingVerb(w.norm) || IsOtherThingCue(w.norm)) return true;
      }
      // "marking the 10th anniversary Thursday of the earthquake": the cue
      // just before the date.
      const absl::Span<const Word> before = WordsIn(words, s.begin, t->begin);
      for (std::size_t k = before.size(); k > 0 && k + 3 > before.size(); --k) {
        if (IsOtherThingCue(before[k - 1].norm)) return true;
      }
      return false;
    };
    // "the destruction of the dam a week earlier": a relative time right
    // after the name dates the event against another date; "the
    // anniversary of the disaster on Monday" dates the anniversary. Either
    // way no date in the sentence is the event's own.
    const auto dated_otherwise = [&](const EventMention* m) {
      // "tribute to Maradona on the anniversary of his death": a name
      // written loosely around such a cue names what the date is not.
      if (m->loose) {
        for (const Word& w : WordsIn(words, m->begin, m->end)) {
          if (IsOtherThingCue(w.norm)) return true;
        }
      }
      const auto next = absl::c_lower_bound(
          times, m->end,
          [](const TimeExpression& d, std::size_t at) { return d.begin < at; });
      if (next != times.end() && next->begin <= m->end + 1) {
        return !next->date.has_value() &&
               (absl::EndsWith(next->text, "earlier") ||
                absl::EndsWith(next->text, "later"));
      }
      // The words just before the name, within its sentence.
      const std::size_t from =
          std::max(s.begin, m->begin > 32 ? m->begin - 32 : std::size_t{0});
      return absl::StrContains(text.substr(from, m->begin - from),
                               "anniversary of");
    };
    for (const EventMention* m : named) {
      if (dated_otherwise(m)) continue;
      const TimeExpression* t = nearest_date(m);
      if (t != nullptr && nearest_mention(t) == m && !reported_between(m, t)) {
        pairs.push_back({m, t, &s});
      }
    }
  }

  if (pairs.size() > limits.max_findings) return too_many_findings(pairs.size());

  DocumentContext doc;
  doc.text = text;
  doc.published = published;
  doc.catalog = catalog_.get();
  doc.times = &times;
  doc.mentions = &mentions;
  doc.sentences = &sentences;
  doc.words = std::move(words);
  const int published_day = FirstDay(DayDate(published));

  std::vector<ClaimNote> notes;
  for (const Pair& p : pairs) {
    const EventMention& m = *p.mention;
    const TimeExpression& t = *p.time;
    PartialDate claimed = *t.date;
    if (!t.year_written) claimed.year_known = false;
    const ClaimRole role = ReadClaimRole(doc, m, t);

    Finding f;
    f.span = locator.Locate(t.begin, t.end);
    f.claimed_text = t.text;
    // A day's part ("Tuesday evening") claims its day.
    f.claimed_value = t.type == TimexType::kTime ? t.date->ToTimex() : t.value;
    const absl::string_view sentence =
        text.substr(p.sentence->begin, p.sentence->end - p.sentence->begin);
    SetSentence(text, locator, *p.sentence, t.begin, t.end, m.begin, m.end, f);
    f.event_span = locator.Locate(m.begin, m.end);
    f.event_text = std::string(text.substr(m.begin, m.end - m.begin));
    ClaimNote note;
    note.time = &t;
    note.mention = &m;
    note.role = role;
    note.claimed = claimed;

    const Choice choice =
        ChooseEvent(*catalog_, m, claimed, role, published.year(), sentence,
                    f.event_text);
    if (choice.event < 0) {
      const ReferenceEvent& a = catalog_->events()[m.candidates[0]];
      const ReferenceEvent& b = catalog_->events()[m.candidates[1]];
      f.verdict = Verdict::kUnverifiable;
      f.confidence = 0.5f;
      f.explanation = absl::StrCat(
          "\"", f.event_text, "\" may mean ", a.title, " or ", b.title,
          (m.candidates.size() > 2 ? " among others" : ""),
          "; the reference cannot tell which.");
      result.findings.push_back(std::move(f));
      notes.push_back(note);
      continue;
    }
    const int chosen = choice.event;
    note.event = chosen;
    const ReferenceEvent& event = catalog_->events()[chosen];
    f.event_id = event.id;
    f.event_title = event.title;
    f.citations = event.citations;
    const Comparison c = Compare(event, claimed, role, published.year());
    f.verdict = c.verdict;
    f.reference_date = c.reference;
    f.confidence = choice.reason.empty() ? 0.95f : 0.8f;
    std::string subject = event.title;
    if (m.after_definite_article && !f.event_text.empty()) {
      subject = absl::StrCat("The ", f.event_text);
    }
    // A date later than the article, in copy that reports it as past (or
    // as the start of something going on), is wrong whatever the reference
    // says: the article cannot report what had not happened yet.
    const bool after_publication =
        claimed.year_known && FirstDay(claimed) > published_day &&
        (role == ClaimRole::kStart ||
         ReadsAsPast(text,
                     WordsIn(doc.words, p.sentence->begin, p.sentence->end)));
    if (!c.reference.has_value()) {
      f.explanation =
          absl::StrCat("The reference has no date to check for ", subject, ".");
    } else if (c.verdict == Verdict::kSupported) {
      f.explanation = absl::StrCat(subject, " ", ReferencePhrase(event, role),
                                   ", consistent with \"", t.text, "\".");
    } else {
      f.severity = Severity::kError;
      f.explanation = absl::StrCat(subject, " ", ReferencePhrase(event, role),
                                   "; the text says ", t.text, ".");
      f.suggestion =
          FormatDateLike(Truncate(*c.reference, claimed.granularity), t.style);
      if (event.ordinal > 0) {
        // A member of a numbered series named by its ordinal: either the
        // ordinal or the date is wrong. Name the member the date fits.
        f.kind = FindingKind::kSeries;
        // The date as resolved first (a year-less "14 February" in 2024
        // is the 19th meeting, not the 9th), then on month and day only.
        const ReferenceEvent* fits = nullptr;
        for (const PartialDate& date : {*t.date, claimed}) {
          for (const ReferenceEvent& other : catalog_->events()) {
            if (fits == nullptr && other.series_id == event.series_id &&
                other.ordinal > 0 && other.date.has_value() &&
                AgreeAtCoarserGranularity(date, *other.date)) {
              fits = &other;
            }
          }
        }
        if (fits != nullptr) {
          const ReferenceEvent& other = *fits;
          f.explanation = absl::StrCat(
              subject, " ", ReferencePhrase(event, role), "; ",
              FormatDateForPeople(*other.date), " was the ",
              OrdinalWord(other.ordinal), " ",
              other.type.empty() ? "one" : other.type,
              ", so either the ordinal (", OrdinalWord(other.ordinal),
              ") or the date (", f.suggestion, ") needs correcting.");
        }
      }
    }
    if (after_publication) {
      f.kind = FindingKind::kPublicationDate;
      f.verdict = Verdict::kContradicted;
      f.severity = Severity::kError;
      const std::string when = FormatDateForPeople(DayDate(published));
      f.explanation = absl::StrCat(
          t.text, " is after the article's own date, ", when, ", yet ",
          role == ClaimRole::kStart ? "the text counts from it"
                                    : "the text reports it as past",
          c.reference.has_value()
              ? absl::StrCat("; ", subject, " ", ReferencePhrase(event, role))
              : "",
          ".");
      if (c.reference.has_value()) {
        f.suggestion = FormatDateLike(
            Truncate(*c.reference, claimed.granularity), t.style);
      }
    }
    if (!choice.reason.empty()) {
      absl::StrAppend(&f.explanation, " (\"", f.event_text, "\" is read as ",
                      event.title, ", ", choice.reason, ".)");
    }
    result.findings.push_back(std::move(f));
    notes.push_back(note);
  }

  CheckAgainstPublicationDate(doc, locator, result.findings, notes);
  CheckRelativeStatements(doc, locator, result.findings, notes);
  CheckWithinDocument(doc, result.findings, notes);
  if (result.findings.size() > limits.max_findings) {
    return too_many_findings(result.findings.size());
  }
  for (Finding& f : result.findings) {
    if (f.verdict == Verdict::kContradicted && f.severity == Severity::kInfo) {
      f.severity = Severity::kError;
    }
  }
  // Findings are large: sorted only when the later checks put one out of
  // order.
  const auto by_span = [](const Finding& a, const Finding& b) {
    return a.span.begin < b.span.begin;
  };
  if (!std::is_sorted(result.findings.begin(), result.findings.end(),
                      by_span)) {
    std::stable_sort(result.findings.begin(), result.findings.end(), by_span);
  }
  return result;
}

}  // namespace factcheck
