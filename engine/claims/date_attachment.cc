#include "engine/claims/date_attachment.h"

#include <algorithm>
#include <limits>
#include <string>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/strip.h"
#include "absl/types/span.h"
#include "engine/claims/cue_words.h"
#include "engine/events/name_words.h"
#include "engine/time/temporal_tables.h"

namespace factcheck {
namespace {

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

// Nouns of a thing that comes of an event or around it, written "the
// <noun> of <event>": its date is not the event's ("the results of the
// elections on June 4", "the anniversary of the disaster on Monday").
bool IsPartOfEventCue(absl::string_view w) {
  static const auto* const kCues = new absl::flat_hash_set<absl::string_view>{
      "anniversary", "anniversaries", "results", "result", "aftermath",
      "eve",         "wake",          "outcome", "count",  "counting"};
  return kCues->contains(w);
}

// Words right after a date that make it a picture's: "In this July 20,
// 1969, photo", "a file picture shows ..., 28 April 2011".
bool IsPictureWord(absl::string_view w) {
  return w == "photo" || w == "photograph" || w == "picture" ||
         w == "image" || w == "file" || w == "view" || w == "footage" ||
         w == "video" || w == "imagery";
}

// The years written in words[begin, end) ("the 1986 World Cup").
std::vector<int> YearsIn(absl::Span<const Word> words) {
  std::vector<int> years;
  for (const Word& w : words) {
    if (int year = 0; IsYearWord(w.norm, &year)) years.push_back(year);
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

// U+2014, the dash copy sets off a clause with.
constexpr absl::string_view kEmDash = "\xe2\x80\x94";

// True when `gap` has a dash that starts another clause: "—and that
// ...", "— but ...".
bool HasDashAndConjunction(absl::string_view gap) {
  for (std::size_t at = gap.find(kEmDash); at != absl::string_view::npos;
       at = gap.find(kEmDash, at + kEmDash.size())) {
    const absl::string_view rest =
        absl::StripLeadingAsciiWhitespace(gap.substr(at + kEmDash.size()));
    if (absl::StartsWith(rest, "and ") || absl::StartsWith(rest, "but ")) {
      return true;
    }
  }
  return false;
}

// The most words between an event's name and a date of one clause with
// no break between them ("Hurricane Maria made landfall in Puerto Rico as
// a powerful Category 4 storm with winds of 155 mph early on Wednesday,
// Sept. 20, 2017"): past kMaxClaimGapWords, a long clause still dates its
// subject.
constexpr std::size_t kMaxClauseWords = 30;

// True when `between` (the text between a name and a date, with its
// words) holds the end of one clause and the start of another: a comma, a
// colon, a dash or a bracket, or a word that starts a clause of its own.
bool HasClauseBreak(absl::string_view between, absl::Span<const Word> words) {
  static const auto* const kStarters =
      new absl::flat_hash_set<absl::string_view>{
          "which", "who",     "whom",  "whose", "that",  "when",
          "where", "while",   "because", "although", "though", "after",
          "before", "since",  "but",   "until", "if"};
  if (between.find_first_of(",;:()") != absl::string_view::npos ||
      absl::StrContains(between, kEmDash) ||
      absl::StrContains(between, " - ")) {
    return true;
  }
  // The word right before the date is its preposition ("until June 1",
  // "since 2022"), not a clause's start.
  if (!words.empty()) words.remove_suffix(1);
  return absl::c_any_of(
      words, [](const Word& w) { return kStarters->contains(w.norm); });
}

// The most words between the word "anniversary" and the day it falls on.
constexpr std::size_t kMaxAnniversaryGapWords = 8;

// The most words between a description// The most words between a description (EventMention::described) and a
// date that dates the event it describes.
constexpr std::size_t kMaxDescriptionGapWords = 6;

// A year alone, in four digits: as a name is written with it ("Lok Sabha
// Elections 2024").
bool IsBareYear(const TimeExpression& t) {
  return t.date->granularity == Granularity::kYear && t.text.size() == 4 &&
         absl::c_all_of(t.text, absl::ascii_isdigit);
}

// A year written before a capitalised word, not after a preposition, is
// part of a name: "the 2020 Olympics", "Tokyo 2020 Olympics", "the 2022
// World Cup". `before` and `after` are the sentence's words before and
// after `t`.
bool IsNameYear(absl::string_view text, const TimeExpression& t,
                absl::Span<const Word> before, absl::Span<const Word> after) {
  if (!IsBareYear(t) || after.empty() ||
      after.front().begin > t.end + 1 ||
      !absl::ascii_isupper(static_cast<unsigned char>(text[after.front().begin]))) {
    return false;
  }
  static const auto* const kPrepositions =
      new absl::flat_hash_set<absl::string_view>{
          "in",   "since", "by",     "until",  "from",    "of",  "for",
          "after", "before", "during", "between", "to", "and", "or",
          "till", "through", "around", "about",  "early", "late", "mid"};
  return before.empty() || !kPrepositions->contains(before.back().norm);
}

// The date of a news photo's caption, written as wire services write it at
// the caption's end: "..., in Colombo, Sri Lanka, Tuesday, July 12, 2022."
// (a weekday, after a comma, with nothing after it but punctuation).
bool IsCaptionDate(absl::string_view text, const SentenceBounds& s,
                   const TimeExpression& t, absl::Span<const Word> after) {
  if (!after.empty() || t.begin <= s.begin) return false;
  const std::size_t comma = t.text.find(',');
  if (comma == std::string::npos) return false;
  // The tagger's own table of weekday names (its Lookup folds case).
  const temporal_internal::LexEntry* lex =
      temporal_internal::TemporalTables::Get().Lookup(
          absl::string_view(t.text).substr(0, comma));
  if (lex == nullptr || lex->weekday < 0 || lex->weekday_plural) return false;
  std::size_t k = t.begin;
  while (k > s.begin && text[k - 1] == ' ') --k;
  return k > s.begin && text[k - 1] == ',';
}

// Words that may stand between an event's name and the verb of which it is
// the subject: relative pronouns, auxiliaries, adverbs of manner.
bool IsPredicateFiller(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      "that",      "which",      "who",        "had",      "has",
      "have",      "was",        "were",       "is",       "are",
      "been",      "be",         "being",      "first",    "finally",
      "officially", "reportedly", "originally", "formally", "eventually",
      "then",      "also",       "only",       "ultimately", "later"};
  return kWords->contains(w);
}

// Words a noun phrase does not go on with: after an event's name, one of
// them ends the phrase ("the invasion of ...", "the summit and ...").
bool EndsNounPhrase(absl::string_view w) {
  static const auto* const kWords = new absl::flat_hash_set<absl::string_view>{
      "the", "a",   "an",   "of",   "in",     "on",    "at",  "to",
      "for", "and", "or",   "but",  "by",     "from",  "with", "as",
      "it",  "its", "they", "their", "he",    "she",   "his", "her",
      "this", "these", "those", "not", "when", "where", "after", "before",
      "since", "while", "said", "says"};
  return kWords->contains(w);
}

// The preposition a date may follow its verb with ("began in 2014",
// "struck on 26 December", "was completed by 2011").
bool IsDatePreposition(absl::string_view w) {
  return w == "in" || w == "on" || w == "at" || w == "since" ||
         w == "from" || w == "during" || w == "around" || w == "by";
}

// The mention whose predicate the date `t` completes, or null: the date
// follows an occurrence verb (OccurrenceVerbs, with one preposition
// between at most) whose subject is the mention, written right before it
// but for a relative pronoun, auxiliaries and commas, and up to two more
// words of its noun phrase: "the tsunami that struck on December 26,
// 2004", "the Euromaidan protest movement that began in 2014", "the deal,
// signed on 22 July 2022". Such a date is the event's even where the
// sentence speaks of something else (an anniversary, a statement).
const EventMention* PredicateSubject(
    absl::Span<const Word> before,
    const std::vector<const EventMention*>& named, bool* other_subject) {
  *other_subject = false;
  std::size_t i = before.size();
  if (i > 0 && IsDatePreposition(before[i - 1].norm)) --i;
  // "took place", "broke out".
  if (i >= 2 && ((before[i - 1].norm == "place" && before[i - 2].norm == "took") ||
                 (before[i - 1].norm == "out" && before[i - 2].norm == "broke"))) {
    --i;
  }
  if (i == 0 || (CueKindsOf(before[i - 1].norm) & kOccurrenceVerb) == 0) {
    return nullptr;
  }
  --i;  // The verb.
  bool relative = false;
  while (i > 0 && IsPredicateFiller(before[i - 1].norm)) {
    relative = relative || before[i - 1].norm == "that" ||
               before[i - 1].norm == "which";
    --i;
  }
  if (i == 0) return nullptr;
  const absl::string_view head = before[i - 1].norm;
  // The name, or up to two more words of its noun phrase after it.
  for (std::size_t more = 0; more <= 2 && i > 0; ++more, --i) {
    const Word& w = before[i - 1];
    for (const EventMention* m : named) {
      if (m->end == w.end) return m;
    }
    if (EndsNounPhrase(w.norm) || CueKindsOf(w.norm) != 0) break;
  }
  if (!relative) return nullptr;
  // "The November 2015 Paris attacks were a series of coordinated attacks
  // that took place on ...": the clause's noun is a word of a name the
  // sentence gave before it, and names that event again.
  const auto same_noun = [](absl::string_view a, absl::string_view b) {
    if (absl::EndsWith(a, "s") && !absl::EndsWith(b, "s")) a.remove_suffix(1);
    if (absl::EndsWith(b, "s") && !absl::EndsWith(a, "s")) b.remove_suffix(1);
    return a == b;
  };
  for (const EventMention* m : named) {
    for (const Word& w : before) {
      if (w.begin >= m->begin && w.end <= m->end && same_noun(w.norm, head)) {
        return m;
      }
    }
  }
  // "its war on Ukraine that started in February 2022": a relative
  // clause dates the noun before it, here no reference event's name.
  *other_subject = true;
  return nullptr;
}

}  // namespace

std::vector<SentenceBounds> SentencesWithClaims(
    const Document& doc, const std::vector<TimeExpression>& times) {
  std::vector<SentenceBounds> out;
  std::size_t t = 0;
  // One scan of the text spares one per sentence in copy without
  // anniversaries.
  const bool may_have_anniversaries =
      absl::StrContains(doc.text, "nniversar");
  for (const SentenceBounds& s : doc.sentences) {
    while (t < times.size() && times[t].end <= s.begin) ++t;
    if ((t < times.size() && times[t].begin < s.end) ||
        (may_have_anniversaries &&
         absl::c_any_of(doc.WordsIn(s.begin, s.end), [](const Word& w) {
           return w.norm == "anniversary";
         }))) {
      out.push_back(s);
    }
  }
  return out;
}

std::vector<Claim> AttachDates(const Document& doc,
                               const std::vector<TimeExpression>& times,
                               const std::vector<EventMention>& mentions) {
  const absl::string_view text = doc.text;
  const std::vector<Word>& words = doc.words;
  const std::vector<SentenceBounds>& sentences = doc.sentences;
  // Pairs each event mention with a date in its sentence when each is the
  // other's nearest: a date then belongs to the one event it is closest
  // to, which keeps one sentence's date from being pinned on every event
  // the sentence names.
  std::size_t next_time = 0, next_mention = 0;
  std::vector<Claim> claims;
  // Every credit IsCaption looks for has "Photo" or "File photo" in it: one
  // scan of the text spares one per sentence in copy without pictures.
  const bool may_have_captions = absl::StrContains(text, "Photo") ||
                                 absl::StrContains(text, "File photo");
  const bool may_have_anniversaries = absl::StrContains(text, "nniversar");
  for (const SentenceBounds& s : sentences) {
    std::vector<const TimeExpression*> dates;
    std::vector<const EventMention*> named;
    // A caption's dates are the picture's: "... in Port-au-Prince, Haiti
    // on January 13, 2010. Photo by ...".
    const bool caption = may_have_captions && IsCaption(text, s, sentences);
    while (next_mention < mentions.size() &&
           mentions[next_mention].begin < s.end) {
      const EventMention& m = mentions[next_mention++];
      if (m.begin >= s.begin && !m.candidates.empty()) named.push_back(&m);
    }
    // The exact name that starts at byte `at`, or ends there, but for a
    // space.
    const auto name_starting_at = [&](std::size_t at) {
      for (const EventMention* m : named) {
        if (!m->loose && (m->begin == at || (m->begin == at + 1 &&
                                             text[at] == ' '))) {
          return m;
        }
      }
      return static_cast<const EventMention*>(nullptr);
    };
    const auto name_ending_at = [&](std::size_t at) {
      for (const EventMention* m : named) {
        if (!m->loose && (m->end == at || (m->end + 1 == at &&
                                           text[m->end] == ' '))) {
          return m;
        }
      }
      return static_cast<const EventMention*>(nullptr);
    };
    while (next_time < times.size() && times[next_time].begin < s.end) {
      const TimeExpression& t = times[next_time++];
      if (caption || t.begin < s.begin || !IsCalendarDate(t)) continue;
      // "In this July 20, 1969, photo ...".
      const absl::Span<const Word> after = WordsIn(words, t.end, s.end);
      if (!after.empty() && IsPictureWord(after.front().norm)) continue;
      const absl::Span<const Word> before = WordsIn(words, s.begin, t.begin);
      // "A closer view from June 5 shows the damaged dam".
      if (before.size() >= 2 && before.back().norm == "from" &&
          IsPictureWord(before[before.size() - 2].norm)) {
        continue;
      }
      if (IsCaptionDate(text, s, t, after)) continue;
      // "Russia's biggest gain after Feb. 24": a bound, not the day of
      // anything the sentence names.
      if (!before.empty() &&
          (before.back().norm == "after" || before.back().norm == "before") &&
          t.begin <= before.back().end + 1) {
        continue;
      }
      if (IsNameYear(text, t, before, after) ||
          (name_ending_at(t.begin) != nullptr && IsBareYear(t))) {
        // A year written with a name is the name's ("the 2022 World Cup",
        // "Lok Sabha Elections 2024"), unless the name as the reference
        // lists it has none: then the year dates it ("the 2020 Doha
        // Agreement", its name "Doha Agreement").
        const EventMention* m = name_starting_at(t.end);
        if (m == nullptr || !YearsIn(WordsIn(words, m->begin, m->end)).empty()) {
          continue;
        }
      }
      dates.push_back(&t);
    }
    // The years a name is written with ("the 1986 World Cup"): a date of
    // another year nearby is another thing's.
    const auto years_of = [&](const EventMention* m) {
      return m->loose ? m->name_years : YearsIn(WordsIn(words, m->begin, m->end));
    };
    // Dates that complete the predicate of a mention's event are its
    // own: they are claimed first, and neither is paired again.
    std::vector<const TimeExpression*> predicate_dates;
    std::vector<const EventMention*> predicate_subjects;
    std::vector<const TimeExpression*> others_dates;
    for (const TimeExpression* t : dates) {
      bool other_subject = false;
      const EventMention* m = PredicateSubject(
          WordsIn(words, s.begin, t->begin), named, &other_subject);
      if (other_subject) others_dates.push_back(t);
      if (m == nullptr || absl::c_linear_search(predicate_subjects, m)) {
        continue;
      }
      const std::vector<int> named_years = years_of(m);
      if (!named_years.empty() && t->year_written &&
          !absl::c_linear_search(named_years, t->date->year)) {
        continue;
      }
      predicate_dates.push_back(t);
      predicate_subjects.push_back(m);
    }
    if (!predicate_dates.empty() || !others_dates.empty()) {
      std::vector<const TimeExpression*> rest;
      for (const TimeExpression* t : dates) {
        if (!absl::c_linear_search(predicate_dates, t) &&
            !absl::c_linear_search(others_dates, t)) {
          rest.push_back(t);
        }
      }
      dates.swap(rest);
    }
    const auto nearest_date = [&](const EventMention* m) {
      const TimeExpression* best = nullptr;
      std::size_t best_gap = std::numeric_limits<std::size_t>::max();
      // A name written with its year ("the 1986 World Cup") is dated by
      // it: a date of another year nearby is another thing's.
      const std::vector<int> named_years = years_of(m);
      for (const TimeExpression* t : dates) {
        const bool inside = t->begin < m->end && m->begin < t->end;
        if (!m->loose && inside) {
          // A date inside the name ("the 2024 Washington summit") is part
          // of the name, not a claim about it; a date the name is part of
          // ("Jan. 6, 2021" for "Jan. 6") dates the mention itself, with
          // the year the name lacks, and it takes no other date.
          if (t->begin <= m->begin && t->end >= m->end &&
              (t->begin < m->begin || t->end > m->end)) {
            return t;
          }
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
            WordsIn(words, lo, hi).size() > kMaxClaimGapWords &&
            (WordsIn(words, lo, hi).size() > kMaxClauseWords ||
             HasClauseBreak(text.substr(lo, hi - lo),
                            WordsIn(words, lo, hi)))) {
          continue;
        }
        // A description's words are evidence for the event only next to
        // the date: "gathered on Thursday to honor ... the tsunami" dates
        // the gathering.
        if (m->described && lo < hi &&
            WordsIn(words, lo, hi).size() > kMaxDescriptionGapWords) {
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
        if (!m->loose && t->begin < m->end && m->begin < t->end &&
            !(t->begin <= m->begin && t->end >= m->end)) {
          continue;
        }
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
      const absl::string_view gap = text.substr(lo, hi - lo);
      // Another clause: after a semicolon, or a dash and a conjunction
      // ("since the invasion in 2022—and that Russia was behind the
      // downing of MH17").
      if (gap.find(';') != absl::string_view::npos ||
          HasDashAndConjunction(gap)) {
        return true;
      }
      // "Thursday, Jan. 7, 2021, after protesters stormed the Capitol": the
      // event is told in a clause of what came after or before it, which
      // the date does not date (unless a comma closes that clause first:
      // "On 14 February, after months of talks, the ministers signed").
      if (t->end <= m->begin) {
        const absl::Span<const Word> between = WordsIn(words, lo, hi);
        for (std::size_t k = 0; k < between.size(); ++k) {
          if ((between[k].norm == "after" || between[k].norm == "before") &&
              text.substr(between[k].end, hi - between[k].end).find(',') ==
                  absl::string_view::npos) {
            return true;
          }
        }
      }
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
      // "the anniversary of X", "the results of X", "on the eve of X":
      // the date is that thing's, not X's.
      const absl::Span<const Word> before = WordsIn(words, s.begin, m->begin);
      std::size_t k = before.size();
      if (k > 0 && before[k - 1].norm == "the") --k;
      if (k >= 2 && before[k - 1].norm == "of" &&
          IsPartOfEventCue(before[k - 2].norm)) {
        return true;
      }
      const auto next = absl::c_lower_bound(
          times, m->end,
          [](const TimeExpression& d, std::size_t at) { return d.begin < at; });
      return next != times.end() && next->begin <= m->end + 1 &&
             !next->date.has_value() &&
             (absl::EndsWith(next->text, "earlier") ||
              absl::EndsWith(next->text, "later"));
    };
    const auto claim = [&](const EventMention* m, const TimeExpression* t) {
      Claim c;
      c.mention = m;
      c.time = t;
      c.sentence = &s;
      c.claimed = *t->date;
      if (!t->year_written) c.claimed.year_known = false;
      c.role = ReadClaimRole(doc, *m, *t);
      claims.push_back(c);
    };
    const std::size_t sentence_claims = claims.size();
    for (const EventMention* m : named) {
      const auto predicate = absl::c_find(predicate_subjects, m);
      if (predicate != predicate_subjects.end()) {
        claim(m, predicate_dates[predicate - predicate_subjects.begin()]);
        continue;
      }
      if (dated_otherwise(m)) continue;
      const TimeExpression* t = nearest_date(m);
      if (t != nullptr && nearest_mention(t) == m && !reported_between(m, t)) {
        claim(m, t);
      }
    }
    // "17 July marks the 11th anniversary of the downing of MH17", "the
    // second anniversary on February 24 of the invasion": the day of an
    // anniversary, the nearest within a few words, is the event's day of
    // the year.
    if (may_have_anniversaries) {
      const absl::Span<const Word> in_s = WordsIn(words, s.begin, s.end);
      for (std::size_t k = 0; k < in_s.size(); ++k) {
        if (in_s[k].norm != "anniversary") continue;
        const std::size_t at = static_cast<std::size_t>(&in_s[k] - words.data());
        const EventMention* m = AnniversaryOf(doc, mentions, at);
        if (m == nullptr ||
            std::any_of(claims.begin() + sentence_claims, claims.end(),
                        [&](const Claim& c) { return c.mention == m; })) {
          continue;
        }
        const TimeExpression* best = nullptr;
        std::size_t best_gap = kMaxAnniversaryGapWords + 1;
        for (const TimeExpression* t : dates) {
          if (t->date->granularity != Granularity::kDay ||
              (t->begin < m->end && m->begin < t->end) ||
              std::any_of(claims.begin() + sentence_claims, claims.end(),
                          [&](const Claim& c) { return c.time == t; })) {
            continue;
          }
          const std::size_t lo = std::min(t->end, in_s[k].end);
          const std::size_t hi = std::max(t->begin, in_s[k].begin);
          const std::size_t gap = lo < hi ? WordsIn(words, lo, hi).size() : 0;
          if (gap < best_gap) best = t, best_gap = gap;
        }
        if (best == nullptr) continue;
        claim(m, best);
        claims.back().claimed.year_known = false;
        claims.back().role = ClaimRole::kStart;
        claims.back().anniversary = true;
      }
      std::stable_sort(claims.begin() + sentence_claims, claims.end(),
                       [](const Claim& a, const Claim& b) {
                         return a.mention->begin < b.mention->begin;
                       });
    }
  }

  return claims;
}

const EventMention* AnniversaryOf(const Document& doc,
                                  const std::vector<EventMention>& mentions,
                                  std::size_t at) {
  const std::vector<Word>& words = doc.words;
  const SentenceBounds* s = doc.SentenceAt(words[at].begin);
  if (s == nullptr) return nullptr;
  std::size_t after = at + 1;
  if (words[at].norm == "anniversary") {
    for (std::size_t k = after; k < std::min(after + 4, words.size()); ++k) {
      if (words[k].norm == "of") {
        after = k + 1;
        break;
      }
    }
    if (after == at + 1) return nullptr;
  }
  if (after + 2 < words.size() && words[after].norm == "the" &&
      (words[after + 1].norm == "start" ||
       words[after + 1].norm == "beginning" ||
       words[after + 1].norm == "outbreak") &&
      words[after + 2].norm == "of") {
    after += 3;
  }
  if (after >= words.size() || words[after].begin >= s->end) return nullptr;
  // The first name that starts within three words.
  const std::size_t limit = std::min(after + 4, words.size());
  for (const EventMention& m :
       BeginningIn(mentions, words[after].begin,
                   std::min(s->end, words[limit - 1].end))) {
    if (!m.candidates.empty() && m.end <= s->end) return &m;
  }
  return nullptr;
}

ClaimRole ReadClaimRole(const Document& doc, const EventMention& m,
                        const TimeExpression& t) {
  if (t.role == DateRole::kSince) return ClaimRole::kStart;
  if (t.role == DateRole::kUntil) return ClaimRole::kEnd;
  const std::vector<Word>& words = doc.words;
  const SentenceBounds* s = doc.SentenceAt(t.begin);
  if (s == nullptr) return ClaimRole::kPoint;
  // The words between the name and the date, three before the first of
  // them and three after the last; the cue nearest the date decides.
  const std::size_t lo = std::min(m.begin, t.begin);
  const std::size_t hi = std::max(m.end, t.end);
  std::size_t first = doc.WordAt(lo);
  first = first >= 3 ? first - 3 : 0;
  const std::size_t last = std::min(doc.WordAt(hi) + 3, words.size());
  std::size_t best_gap = std::string::npos;
  ClaimRole role = ClaimRole::kPoint;
  // A date after the name takes the verb before it ("the siege, which
  // began on 24 February, ended ..."); a date before the name takes the
  // verb after the name ("On 24 June the mutiny ended").
  const bool date_after_name = t.begin >= m.end;
  for (std::size_t i = first; i < last; ++i) {
    const Word& w = words[i];
    if (w.begin < s->begin || w.end > s->end) continue;
    if (date_after_name && w.begin >= t.end) continue;
    if ((w.begin >= m.begin && w.end <= m.end) ||
        (w.begin >= t.begin && w.end <= t.end)) {
      continue;
    }
    const std::uint8_t kinds = CueKindsOf(w.norm);
    const bool start = (kinds & kStartCue) != 0;
    const bool end = (kinds & kEndCue) != 0;
    if (!start && !end) continue;
    const std::size_t gap =
        w.end <= t.begin ? t.begin - w.end : w.begin - std::min(w.begin, t.end);
    if (gap < best_gap) {
      best_gap = gap;
      role = start ? ClaimRole::kStart : ClaimRole::kEnd;
    }
  }
  return role;
}

}  // namespace factcheck
