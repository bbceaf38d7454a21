// Internal to engine/: the word tables the temporal tagger reads. Callers
// outside engine/ use temporal_tagger.h only.
#ifndef FACTCHECK_ENGINE_TIME_TEMPORAL_TABLES_H_
#define FACTCHECK_ENGINE_TIME_TEMPORAL_TABLES_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/string_view.h"

namespace factcheck {
namespace temporal_internal {

// Units a duration, a set or a relative date can be counted in.
enum class TimeUnit : std::uint8_t {
  kNone,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeek,
  kFortnight,
  kMonth,
  kQuarter,
  kYear,
  kDecade,
  kCentury,
};

// Function words and cue words the grammar looks for. A word has at most one.
enum class Keyword : std::uint8_t {
  kNone,
  // Anchored expressions.
  kToday,
  kYesterday,
  kTomorrow,
  kTonight,
  kNow,  // "now", "currently", "nowadays": PRESENT_REF.
  kRecently,
  kSoon,
  kFuture,  // "future" in "the future".
  kPast,    // "past": "the past", "the past two years".
  kThis,
  kLast,
  kNext,
  kComing,
  kPrevious,  // "previous", "preceding".
  kFollowing,
  kRecent,
  kAgo,
  kOld,
  kMorning,
  kAfternoon,
  kEvening,
  kNight,
  kWeekend,
  // Sets.
  kEvery,
  kEach,
  kSingle,
  kOther,
  kOnce,
  kTwice,
  kTimes,
  kPer,
  kFrequency,  // "daily", "annually": the unit says how often.
  // Determiners and counting words.
  kThe,
  kA,  // "a", "an".
  kFew,
  kSeveral,
  kOf,
  kAnd,
  // Modifiers (TimeML `mod`).
  kEarly,
  kMid,
  kLate,
  kBeginning,  // "beginning", "start".
  kMiddle,
  kEnd,
  kHalf,
  kLess,
  kMore,
  kThan,
  kAt,
  kLeast,
  kMost,
  kUp,
  kTo,
  kApprox,  // "about", "around", "approximately", "roughly", "nearly".
  kAs,
  // Prepositions that introduce a date or mark its role.
  kSince,
  kUntil,            // "until", "till", "through".
  kYearPreposition,  // "in", "by", "from", "during", "before", ...
  // Tense cues.
  kWill,  // "will", "shall", "ll" (of "'ll").
  kWon,   // "won" of "won't".
  kIsAre,
  kDue,
  kUpcoming,
  // Words after which a number counts things rather than naming a year.
  kCountCue,  // "than" is kThan; "nearly" is kApprox; these are the rest.
  // Nouns a number counts ("troops", "km"): such a number is not a year.
  kCountNoun,
  // Abbreviations whose period does not end a sentence ("Mr.", "Gen.").
  kTitle,
  // Words of business and broadcast news copy.
  kEarlier,     // "earlier": "a year earlier", "earlier this month".
  kLater,       // "later": "two days later", "later this year".
  kSometime,    // "sometime next year".
  kFiscal,      // "fiscal 1989", "the fiscal first quarter".
  kLatest,      // "the latest quarter".
  kCurrent,     // "the current quarter".
  kComparable,  // "comparable", "corresponding", "same": the period of a
                // year before, in "the comparable year-ago quarter".
  kPeriod,      // "period": a reporting period.
  kNoon,        // "noon", "midday".
  kMidnight,
  kTimeZone,  // "EST", "GMT": after a clock time.
  kNear,      // "the near future", "the near term".
  kShort,     // "the short term".
  kTerm,
  kThese,  // "these days".
  kThat,   // "that year", "that quarter".
  kRight,  // "right now".
  kOr,     // "a year or two", "the next year or so".
  kSo,
  kCouple,    // "a couple of years".
  kThousand,  // "the year two thousand".
  kMany,      // "many years".
};

// Everything the tagger knows about one lower-case word. A word can play
// several parts ("second" is an ordinal and a unit; "may" is a month).
// Named days of the year that news copy dates things by. The first word
// of each name has an entry; the tagger reads the rest ("Day", "Eve").
enum class Holiday : std::uint8_t {
  kNone,
  kValentines,    // "Valentine's Day", 14 February.
  kEaster,        // "Easter", "Easter Sunday": by the Gregorian computus.
  kHalloween,     // 31 October.
  kElectionDay,   // US "Election Day": the Tuesday after the first Monday
                  // of November.
  kThanksgiving,  // US: the fourth Thursday of November.
  kChristmas,     // "Christmas", "Christmas Day" 25, "Christmas Eve" 24
                  // December.
};

struct LexEntry {
  std::uint8_t month = 0;  // 1..12 for a month name or abbreviation.
  // Month words that need more context to be read as months: abbreviations
  // ("Jan", "Dec") and the common words "May" and "March".
  bool month_needs_context = false;
  bool month_abbreviation = false;
  std::int8_t weekday = -1;     // 0 (Monday) .. 6 (Sunday).
  bool weekday_plural = false;  // "Mondays": a set.
  std::uint8_t number = 0;      // Cardinal word: "one" 1 .. "ninety" 90.
  std::uint8_t ordinal = 0;     // Ordinal word: "first" 1 .. "thirtieth" 30.
  TimeUnit unit = TimeUnit::kNone;
  bool unit_plural = false;
  std::uint8_t season = 0;           // 1 spring, 2 summer, 3 autumn, 4 winter.
  bool season_needs_year = false;    // "fall" is mostly a verb.
  std::uint8_t quarter = 0;          // "q1" .. "q4".
  Holiday holiday = Holiday::kNone;  // "Christmas", "Thanksgiving".
  Keyword keyword = Keyword::kNone;
  // The tense a word marks in its clause: +1 for a future cue ("will",
  // "scheduled", "payable"), -1 for a past one ("was", "said", "began"),
  // 0 for none. Regular past forms ("-ed") are recognised by spelling.
  std::int8_t tense = 0;
  // True when a time expression can start at this word; other entries are
  // only read as context (prepositions, count nouns, tense cues).
  bool starts_expression = false;
  // True for the function words "the", "a", "an", "that" and "at" (and any
  // other entry with their keyword and no other part to play): an
  // expression starts there only when the next token is a number or has an
  // entry of its own (for "the", also "full"). The tagger skips them
  // otherwise without trying its patterns.
  bool needs_next_word = false;
};

// The tables, built once and read-only afterwards, so one instance is
// shared by all threads.
class TemporalTables {
 public:
  // The process-wide instance, built on first use.
  static const TemporalTables& Get();

  // The entry for `word` compared case-insensitively, or nullptr. Cheap for
  // words that cannot be in the table: the length and first letter are
  // checked before anything is hashed.
  const LexEntry* Lookup(absl::string_view word) const;

  // The longest word in the table.
  static constexpr std::size_t kMaxWordLength = 15;

  // Lookup for the tokenizer, which calls it on every word: `size` bytes
  // at `word`, all of them ASCII letters, ASCII digits or bytes >= 0x80
  // (which no table word has). When `readable16`, the 16 bytes from `word`
  // may be read (they lie inside the text), which saves copying the word.
  // The same result as Lookup.
  const LexEntry* LookupWord(const char* word, std::size_t size,
                             bool readable16) const {
    if (size == 0 || size > kMaxWordLength) return nullptr;
    const unsigned char first = static_cast<unsigned char>(word[0]) | 0x20;
    if (first < 'a' || first > 'z' ||
        (lengths_by_first_letter_[first - 'a'] & (1u << size)) == 0) {
      return nullptr;
    }
    std::uint64_t key[2] = {0, 0};
    if (readable16) {
      std::memcpy(key, word, 16);
    } else {
      std::memcpy(key, word, size);
    }
    // Letters and digits are lower case with bit 5 set; a byte >= 0x80
    // stays >= 0x80 and matches no table word.
    constexpr std::uint64_t kLower = 0x2020202020202020ull;
    if (size < 8) {
      key[0] = (key[0] | kLower) & ((std::uint64_t{1} << (8 * size)) - 1);
      key[1] = 0;
    } else {
      key[0] |= kLower;
      key[1] = size == 8 ? 0
                         : (key[1] | kLower) &
                               (~std::uint64_t{0} >> (8 * (16 - size)));
    }
    return Probe(key);
  }

 private:
  TemporalTables();
  void Add(absl::string_view word, const LexEntry& entry);
  LexEntry& Entry(absl::string_view word);
  // Builds slots_ from words_ once they are complete.
  void BuildSlots();

  // An open-addressed table of the words, each zero-padded to 16 bytes and
  // compared as two 64-bit words.
  struct Slot {
    std::uint64_t key[2] = {0, 0};
    const LexEntry* entry = nullptr;
  };
  static constexpr int kSlotBits = 11;
  static std::size_t SlotOf(const std::uint64_t key[2]) {
    const std::uint64_t h =
        key[0] * 0x9E3779B97F4A7C15ull ^ key[1] * 0xC2B2AE3D27D4EB4Full;
    return static_cast<std::size_t>(h >> (64 - kSlotBits));
  }
  const LexEntry* Probe(const std::uint64_t key[2]) const {
    for (std::size_t at = SlotOf(key);; at = (at + 1) & (kSlots - 1)) {
      const Slot& slot = slots_[at];
      if (slot.entry == nullptr) return nullptr;
      if (slot.key[0] == key[0] && slot.key[1] == key[1]) return slot.entry;
    }
  }
  static constexpr std::size_t kSlots = std::size_t{1} << kSlotBits;
  std::array<Slot, kSlots> slots_{};

  absl::flat_hash_map<std::string, LexEntry> words_;
  // For each first letter a..z, a bit per word length present in the table:
  // most words are rejected by this test alone.
  std::array<std::uint32_t, 26> lengths_by_first_letter_{};
};

}  // namespace temporal_internal
}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_TIME_TEMPORAL_TABLES_H_
