#include "engine/verdicts/reference_verdicts.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "engine/claims/cue_words.h"
#include "engine/document/words.h"
#include "engine/verdicts/date_wording.h"

namespace factcheck {
namespace {

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

// Words too common in event names to tell two events apart.
bool IsNameFiller(absl::string_view w) {
  static const auto* const kFiller = new absl::flat_hash_set<absl::string_view>{
      "the", "of",  "in", "on",   "at", "a",   "an",
      "and", "for", "to", "with", "by", "from"};
  return kFiller->contains(w);
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
                   int publication_year, const Document& doc,
                   const SentenceBounds& sentence) {
  if (m.candidates.size() == 1) return {m.candidates[0], ""};
  // A date written without a year means the recent one, as the tagger
  // resolved it: "Jan. 15" in January 2021 is not a day of the impeachment
  // that ran from December 2019 to February 2020.
  PartialDate resolved = claimed;
  resolved.year_known = true;
  std::vector<int> fitting;
  for (int c : m.candidates) {
    const ReferenceEvent& e = catalog.events()[c];
    // A date without a year tells nothing of an event known by its year
    // alone: it fits by default, not by agreeing.
    const std::optional<PartialDate>& when = e.date ? e.date : e.start;
    if (!claimed.year_known && when.has_value() &&
        when->granularity == Granularity::kYear) {
      continue;
    }
    if (Compare(e, resolved, role, publication_year).verdict ==
        Verdict::kSupported) {
      fitting.push_back(c);
    }
  }
  if (fitting.size() == 1) return {fitting[0], "the one whose date fits"};

  absl::flat_hash_set<std::string> context;
  // The sentence's words but the mention's, as the document split them.
  for (const Word& w : doc.WordsIn(sentence.begin, sentence.end)) {
    context.insert(w.norm);
  }
  for (const Word& w : doc.WordsIn(m.begin, m.end)) context.erase(w.norm);
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

// The rare words a description needs for a date that does not fit to
// contradict it (DescriptionMatcher counts them).
constexpr int kStrongDescriptionWords = 3;

// True when `claimed` and `reference` share every part the claim gives
// but one, and it gives two or more: the day and month of a date with the
// year wrong, the month of "August 2019" for August 2021.
bool DiffersInOnePart(const PartialDate& claimed, const PartialDate& reference) {
  int parts = 0, equal = 0;
  const auto part = [&](bool given, int a, int b) {
    if (!given) return;
    ++parts;
    if (a == b) ++equal;
  };
  part(claimed.year_known && reference.year_known, claimed.year,
       reference.year);
  part(claimed.granularity >= Granularity::kMonth &&
           reference.granularity >= Granularity::kMonth,
       claimed.month, reference.month);
  part(claimed.granularity == Granularity::kDay &&
           reference.granularity == Granularity::kDay,
       claimed.day, reference.day);
  return parts >= 2 && equal == parts - 1;
}

}  // namespace

void JudgeClaims(const Document& doc, const EventCatalog& catalog,
                 const std::vector<Claim>& claims, TextLocator& locator,
                 std::vector<Finding>& findings,
                 std::vector<ClaimNote>& notes) {
  const absl::string_view text = doc.text;
  const absl::CivilDay published = doc.published;
  const int published_day = FirstDay(DayDate(published));
  for (const Claim& p : claims) {
    const EventMention& m = *p.mention;
    const TimeExpression& t = *p.time;
    const PartialDate& claimed = p.claimed;
    const ClaimRole role = p.role;

    Finding f;
    f.span = locator.Locate(t.begin, t.end);
    f.claimed_text = t.text;
    // A day's part ("Tuesday evening") claims its day.
    f.claimed_value = t.type == TimexType::kTime ? t.date->ToTimex() : t.value;
    SetSentence(text, locator, *p.sentence, t.begin, t.end, m.begin, m.end, f);
    f.event_span = locator.Locate(m.begin, m.end);
    f.event_text = std::string(text.substr(m.begin, m.end - m.begin));
    ClaimNote note;
    note.time = &t;
    note.mention = &m;
    note.role = role;
    note.claimed = claimed;

    // A description's candidates, the best first: the first whose date
    // fits, else the best when it is better than the others.
    const DescribedEvent* described = nullptr;
    if (m.described) {
      for (std::size_t k = 0; k < m.candidates.size(); ++k) {
        if (Compare(catalog.events()[m.candidates[k]], claimed, role,
                    published.year())
                .verdict == Verdict::kSupported) {
          described = &m.described_as[k];
          break;
        }
      }
      if (described == nullptr) {
        if (!m.unique_best) continue;
        described = &m.described_as[0];
      }
    }
    const Choice choice =
        described != nullptr
            ? Choice{described->event, ""}
            : ChooseEvent(catalog, m, claimed, role, published.year(), doc,
                          *p.sentence);
    if (choice.event < 0) {
      const ReferenceEvent& a = catalog.events()[m.candidates[0]];
      const ReferenceEvent& b = catalog.events()[m.candidates[1]];
      f.verdict = Verdict::kUnverifiable;
      f.confidence = 0.5f;
      f.explanation = absl::StrCat(
          "\"", f.event_text, "\" may mean ", a.title, " or ", b.title,
          (m.candidates.size() > 2 ? " among others" : ""),
          "; the reference cannot tell which.");
      findings.push_back(std::move(f));
      notes.push_back(note);
      continue;
    }
    const int chosen = choice.event;
    note.event = chosen;
    const ReferenceEvent& event = catalog.events()[chosen];
    f.event_id = event.id;
    f.event_title = event.title;
    f.citations = event.citations;
    const Comparison c = Compare(event, claimed, role, published.year());
    // A description is weaker evidence than a name. A date that fits
    // confirms it; one that does not is as likely another thing's (the
    // same people, the same place, another day), unless the description
    // is strong or the date is the event's with one part wrong ("15
    // October" for 15 August), the slip a wrong date in copy mostly is.
    // Only a date the text writes out (not "Thursday", not "last year")
    // may contradict a description: a day named so is mostly the day of
    // what the sentence reports, not of the event it recalls.
    // A day counted from the article's own ("last Friday", "earlier this
    // month", "this year") that misses the event by more than a year is
    // another occurrence (talks held again, this year's election), not a
    // wrong date of this one: copy does not miscount "last Friday" by
    // years.
    if (c.verdict == Verdict::kContradicted && t.style == DateStyle::kOther &&
        c.reference.has_value() &&
        std::abs(FirstDay(claimed.year_known
                              ? claimed
                              : WithYear(claimed, published.year())) -
                 FirstDay(*c.reference)) > 366) {
      continue;
    }
    if (described != nullptr && c.verdict == Verdict::kContradicted &&
        (t.style == DateStyle::kOther ||
         (described->rare_words < kStrongDescriptionWords &&
          !(c.reference.has_value() &&
            DiffersInOnePart(claimed, *c.reference))))) {
      continue;
    }
    f.verdict = c.verdict;
    f.reference_date = c.reference;
    f.confidence = described != nullptr
                       ? (described->rare_words < kStrongDescriptionWords
                                      ? 0.6f
                                      : 0.7f)
                   : choice.reason.empty() ? 0.95f
                                           : 0.8f;
    std::string subject = event.title;
    if (m.after_definite_article && !m.described && !f.event_text.empty()) {
      subject = absl::StrCat("The ", f.event_text);
    }
    // A date later than the article, in copy that reports it as past (or
    // as the start of something going on), is wrong whatever the reference
    // says: the article cannot report what had not happened yet.
    const bool after_publication =
        claimed.year_known && FirstDay(claimed) > published_day &&
        (role == ClaimRole::kStart ||
         ReadsAsPast(text,
                     doc.WordsIn(p.sentence->begin, p.sentence->end)));
    if (!c.reference.has_value()) {
      f.explanation =
          absl::StrCat("The reference has no date to check for ", subject, ".");
    } else if (p.anniversary) {
      // The anniversary's day: the event's month and day, in the year the
      // text gives the anniversary.
      PartialDate day = *c.reference;
      day.year = t.date->year;
      const std::string falls = absl::StrCat(
          subject, " ", ReferencePhrase(event, role), ", so its anniversary ",
          "falls on ", FormatDateLike(Truncate(day, Granularity::kDay),
                                      DateStyle::kDayMonth));
      if (c.verdict == Verdict::kSupported) {
        f.explanation = absl::StrCat(falls, ", consistent with \"", t.text,
                                     "\".");
      } else {
        f.severity = Severity::kError;
        f.explanation = absl::StrCat(falls, "; the text says ", t.text, ".");
        f.suggestion = FormatDateLike(day, t.style);
      }
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
          for (const ReferenceEvent& other : catalog.events()) {
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
    if (described != nullptr) {
      absl::StrAppend(&f.explanation, " (\"", f.event_text, "\" is read as ",
                      event.title, ", described by its ", described->evidence,
                      ".)");
    } else if (!choice.reason.empty()) {
      absl::StrAppend(&f.explanation, " (\"", f.event_text, "\" is read as ",
                      event.title, ", ", choice.reason, ".)");
    }
    findings.push_back(std::move(f));
    notes.push_back(note);
  }

}

}  // namespace factcheck
