#include "engine/time/temporal_tables.h"

#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace factcheck {
namespace temporal_internal {
namespace {

struct NamedValue {
  absl::string_view word;
  int value;
};

struct NamedKeyword {
  absl::string_view word;
  Keyword keyword;
  bool starts_expression;
};

struct NamedUnit {
  absl::string_view singular;
  absl::string_view plural;
  TimeUnit unit;
};

constexpr NamedValue kMonths[] = {
    {"january", 1},   {"february", 2}, {"march", 3},     {"april", 4},
    {"may", 5},       {"june", 6},     {"july", 7},      {"august", 8},
    {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12}};

constexpr NamedValue kMonthAbbreviations[] = {
    {"jan", 1}, {"feb", 2}, {"mar", 3},  {"apr", 4},  {"jun", 6},  {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12}};

constexpr absl::string_view kWeekdays[] = {"monday",   "tuesday", "wednesday",
                                           "thursday", "friday",  "saturday",
                                           "sunday"};

constexpr NamedValue kNumbers[] = {
    {"one", 1},        {"two", 2},       {"three", 3},     {"four", 4},
    {"five", 5},       {"six", 6},       {"seven", 7},     {"eight", 8},
    {"nine", 9},       {"ten", 10},      {"eleven", 11},   {"twelve", 12},
    {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15},  {"sixteen", 16},
    {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},    {"forty", 40},    {"fifty", 50},    {"sixty", 60},
    {"seventy", 70},   {"eighty", 80},   {"ninety", 90},   {"hundred", 100}};

constexpr NamedValue kOrdinals[] = {
    {"first", 1},       {"second", 2},       {"third", 3},
    {"fourth", 4},      {"fifth", 5},        {"sixth", 6},
    {"seventh", 7},     {"eighth", 8},       {"ninth", 9},
    {"tenth", 10},      {"eleventh", 11},    {"twelfth", 12},
    {"thirteenth", 13}, {"fourteenth", 14},  {"fifteenth", 15},
    {"sixteenth", 16},  {"seventeenth", 17}, {"eighteenth", 18},
    {"nineteenth", 19}, {"twentieth", 20},   {"thirtieth", 30}};

constexpr NamedUnit kUnits[] = {
    {"second", "seconds", TimeUnit::kSecond},
    {"minute", "minutes", TimeUnit::kMinute},
    {"hour", "hours", TimeUnit::kHour},
    {"day", "days", TimeUnit::kDay},
    {"week", "weeks", TimeUnit::kWeek},
    {"fortnight", "fortnights", TimeUnit::kFortnight},
    {"month", "months", TimeUnit::kMonth},
    {"quarter", "quarters", TimeUnit::kQuarter},
    {"year", "years", TimeUnit::kYear},
    {"decade", "decades", TimeUnit::kDecade},
    {"century", "centuries", TimeUnit::kCentury}};

// Adverbs and adjectives of frequency, with the unit they repeat in.
constexpr NamedUnit kFrequencies[] = {{"hourly", "", TimeUnit::kHour},
                                      {"daily", "", TimeUnit::kDay},
                                      {"nightly", "", TimeUnit::kDay},
                                      {"weekly", "", TimeUnit::kWeek},
                                      {"fortnightly", "", TimeUnit::kFortnight},
                                      {"monthly", "", TimeUnit::kMonth},
                                      {"quarterly", "", TimeUnit::kQuarter},
                                      {"yearly", "", TimeUnit::kYear},
                                      {"annually", "", TimeUnit::kYear}};

constexpr NamedValue kSeasons[] = {
    {"spring", 1}, {"summer", 2}, {"autumn", 3}, {"fall", 3}, {"winter", 4}};

constexpr NamedKeyword kKeywords[] = {
    {"today", Keyword::kToday, true},
    {"yesterday", Keyword::kYesterday, true},
    {"tomorrow", Keyword::kTomorrow, true},
    {"tonight", Keyword::kTonight, true},
    {"now", Keyword::kNow, true},
    {"currently", Keyword::kNow, true},
    {"nowadays", Keyword::kNow, true},
    {"recently", Keyword::kRecently, true},
    {"soon", Keyword::kSoon, true},
    {"future", Keyword::kFuture, false},
    {"past", Keyword::kPast, true},
    {"this", Keyword::kThis, true},
    {"last", Keyword::kLast, true},
    {"next", Keyword::kNext, true},
    {"coming", Keyword::kComing, true},
    {"previous", Keyword::kPrevious, true},
    {"preceding", Keyword::kPrevious, true},
    {"following", Keyword::kFollowing, true},
    {"recent", Keyword::kRecent, true},
    {"ago", Keyword::kAgo, false},
    {"old", Keyword::kOld, false},
    {"morning", Keyword::kMorning, false},
    {"afternoon", Keyword::kAfternoon, false},
    {"evening", Keyword::kEvening, false},
    {"night", Keyword::kNight, false},
    {"weekend", Keyword::kWeekend, false},
    {"every", Keyword::kEvery, true},
    {"each", Keyword::kEach, true},
    {"single", Keyword::kSingle, false},
    {"other", Keyword::kOther, false},
    {"once", Keyword::kOnce, true},
    {"twice", Keyword::kTwice, true},
    {"times", Keyword::kTimes, false},
    {"per", Keyword::kPer, false},
    {"the", Keyword::kThe, true},
    {"a", Keyword::kA, true},
    {"an", Keyword::kA, true},
    {"few", Keyword::kFew, true},
    {"several", Keyword::kSeveral, true},
    {"of", Keyword::kOf, false},
    {"and", Keyword::kAnd, false},
    {"early", Keyword::kEarly, true},
    {"mid", Keyword::kMid, true},
    {"late", Keyword::kLate, true},
    {"beginning", Keyword::kBeginning, true},
    {"start", Keyword::kBeginning, true},
    {"middle", Keyword::kMiddle, true},
    {"end", Keyword::kEnd, true},
    {"half", Keyword::kHalf, false},
    {"less", Keyword::kLess, true},
    {"more", Keyword::kMore, true},
    {"than", Keyword::kThan, false},
    {"at", Keyword::kAt, true},
    {"least", Keyword::kLeast, false},
    {"most", Keyword::kMost, false},
    {"up", Keyword::kUp, true},
    {"to", Keyword::kTo, false},
    {"about", Keyword::kApprox, true},
    {"around", Keyword::kApprox, true},
    {"approximately", Keyword::kApprox, true},
    {"roughly", Keyword::kApprox, true},
    {"nearly", Keyword::kApprox, true},
    {"almost", Keyword::kApprox, true},
    {"as", Keyword::kAs, false},
    {"since", Keyword::kSince, false},
    {"until", Keyword::kUntil, false},
    {"till", Keyword::kUntil, false},
    {"through", Keyword::kUntil, false},
    {"in", Keyword::kYearPreposition, false},
    {"on", Keyword::kYearPreposition, false},
    {"by", Keyword::kYearPreposition, false},
    {"from", Keyword::kYearPreposition, false},
    {"during", Keyword::kYearPreposition, false},
    {"before", Keyword::kYearPreposition, false},
    {"after", Keyword::kYearPreposition, false},
    {"between", Keyword::kYearPreposition, false},
    {"throughout", Keyword::kYearPreposition, false},
    {"within", Keyword::kYearPreposition, false},
    {"for", Keyword::kYearPreposition, false},
    {"will", Keyword::kWill, false},
    {"shall", Keyword::kWill, false},
    {"ll", Keyword::kWill, false},
    {"won", Keyword::kWon, false},
    {"is", Keyword::kIsAre, false},
    {"are", Keyword::kIsAre, false},
    {"due", Keyword::kDue, false},
    {"upcoming", Keyword::kUpcoming, false},
    {"some", Keyword::kCountCue, false},
    {"over", Keyword::kCountCue, false},
    {"under", Keyword::kCountCue, false},
    {"total", Keyword::kCountCue, false},
    {"another", Keyword::kCountCue, false},
    {"additional", Keyword::kCountCue, false},
    {"extra", Keyword::kCountCue, false},
    {"mr", Keyword::kTitle, false},
    {"mrs", Keyword::kTitle, false},
    {"ms", Keyword::kTitle, false},
    {"dr", Keyword::kTitle, false},
    {"st", Keyword::kTitle, false},
    {"gen", Keyword::kTitle, false},
    {"lt", Keyword::kTitle, false},
    {"col", Keyword::kTitle, false},
    {"maj", Keyword::kTitle, false},
    {"capt", Keyword::kTitle, false},
    {"sgt", Keyword::kTitle, false},
    {"gov", Keyword::kTitle, false},
    {"sen", Keyword::kTitle, false},
    {"rep", Keyword::kTitle, false},
    {"prof", Keyword::kTitle, false},
    {"jr", Keyword::kTitle, false},
    {"sr", Keyword::kTitle, false},
    {"no", Keyword::kTitle, false},
    {"vs", Keyword::kTitle, false},
    {"etc", Keyword::kTitle, false},
    {"inc", Keyword::kTitle, false},
    {"corp", Keyword::kTitle, false},
    {"co", Keyword::kTitle, false},
    {"ltd", Keyword::kTitle, false},
    {"earlier", Keyword::kEarlier, true},
    {"later", Keyword::kLater, true},
    {"sometime", Keyword::kSometime, true},
    {"fiscal", Keyword::kFiscal, true},
    {"latest", Keyword::kLatest, false},
    {"current", Keyword::kCurrent, false},
    {"comparable", Keyword::kComparable, false},
    {"corresponding", Keyword::kComparable, false},
    {"same", Keyword::kComparable, false},
    {"period", Keyword::kPeriod, false},
    {"noon", Keyword::kNoon, true},
    {"midday", Keyword::kNoon, true},
    {"midnight", Keyword::kMidnight, true},
    {"est", Keyword::kTimeZone, false},
    {"edt", Keyword::kTimeZone, false},
    {"cst", Keyword::kTimeZone, false},
    {"cdt", Keyword::kTimeZone, false},
    {"pst", Keyword::kTimeZone, false},
    {"pdt", Keyword::kTimeZone, false},
    {"gmt", Keyword::kTimeZone, false},
    {"utc", Keyword::kTimeZone, false},
    {"near", Keyword::kNear, false},
    {"short", Keyword::kShort, false},
    {"term", Keyword::kTerm, false},
    {"these", Keyword::kThese, true},
    {"that", Keyword::kThat, true},
    {"right", Keyword::kRight, true},
    {"or", Keyword::kOr, false},
    {"so", Keyword::kSo, false},
    {"couple", Keyword::kCouple, false},
    {"thousand", Keyword::kThousand, false},
    {"many", Keyword::kMany, true},
};

// Words that mark the tense of their clause, read to choose between the
// past and the coming occurrence of a yearless date. Reporting verbs in the
// past ("said") count: "said Friday" is the Friday before publication.
constexpr absl::string_view kFutureCues[] = {
    "will",    "ll",      "shall",     "would",   "due",       "expected",
    "expects", "expect",  "scheduled", "slated",  "plans",     "planned",
    "intends", "payable", "expire",    "expires", "effective", "upcoming",
    "record",  "resume",  "going",     "set",     "aims",      "hopes",
    "begins",  "planning"};

constexpr absl::string_view kPastCues[] = {
    "was",    "were",  "had",     "did",        "said",   "has",    "have",
    "began",  "came",  "went",    "took",       "left",   "met",    "held",
    "made",   "rose",  "fell",    "paid",       "sold",   "bought", "lost",
    "told",   "gave",  "saw",     "became",     "found",  "got",    "ran",
    "struck", "led",   "brought", "thought",    "knew",   "wrote",  "spoke",
    "broke",  "chose", "drove",   "flew",       "grew",   "kept",   "meant",
    "sent",   "spent", "stood",   "sat",        "fought", "caught", "taught",
    "built",  "felt",  "heard",   "previously", "fled",   "shot",   "slid",
    "won"};

// Nouns that a number counts or measures. A four-digit number before one
// of these ("2000 troops", "1500 km") is a quantity, not a year.
constexpr absl::string_view kCountNouns[] = {
    "people",     "persons",    "troops",     "soldiers",
    "servicemen", "civilians",  "children",   "men",
    "women",      "residents",  "refugees",   "casualties",
    "dead",       "wounded",    "killed",     "prisoners",
    "pows",       "victims",    "deaths",     "cases",
    "votes",      "voters",     "members",    "workers",
    "employees",  "students",   "families",   "households",
    "homes",      "houses",     "buildings",  "apartments",
    "jobs",       "units",      "vehicles",   "tanks",
    "missiles",   "drones",     "shells",     "rounds",
    "rockets",    "aircraft",   "jets",       "planes",
    "ships",      "guns",       "weapons",    "cars",
    "trucks",     "tons",       "tonnes",     "kg",
    "kilograms",  "pounds",     "lbs",        "km",
    "kilometres", "kilometers", "miles",      "metres",
    "meters",     "m",          "feet",       "ft",
    "hectares",   "acres",      "litres",     "liters",
    "barrels",    "dollars",    "euros",      "pounds",
    "hryvnias",   "hryvnia",    "rubles",     "roubles",
    "usd",        "eur",        "uah",        "percent",
    "points",     "calories",   "mw",         "gw",
    "kw",         "mhz",        "ghz",        "words",
    "pages",      "copies",     "signatures", "participants",
    "million",    "billion",    "trillion",   "cents",
    "shares",     "flights",    "seats",      "barrels",
};

}  // namespace

const TemporalTables& TemporalTables::Get() {
  // Built on first use, thread-safely (C++11 magic statics), never freed so
  // that no destructor runs at exit while another thread still reads it.
  static const TemporalTables* const tables = new TemporalTables();
  return *tables;
}

LexEntry& TemporalTables::Entry(absl::string_view word) {
  const unsigned char first = static_cast<unsigned char>(word[0]);
  lengths_by_first_letter_[first - 'a'] |= 1u << word.size();
  return words_[word];
}

void TemporalTables::Add(absl::string_view word, const LexEntry& entry) {
  Entry(word) = entry;
}

TemporalTables::TemporalTables() {
  for (const NamedValue& m : kMonths) {
    LexEntry& e = Entry(m.word);
    e.month = static_cast<std::uint8_t>(m.value);
    e.month_needs_context = m.word == "may" || m.word == "march";
    e.starts_expression = true;
  }
  for (const NamedValue& m : kMonthAbbreviations) {
    LexEntry& e = Entry(m.word);
    e.month = static_cast<std::uint8_t>(m.value);
    e.month_needs_context = true;
    e.month_abbreviation = true;
    e.starts_expression = true;
  }
  for (int i = 0; i < 7; ++i) {
    LexEntry& e = Entry(kWeekdays[i]);
    e.weekday = static_cast<std::int8_t>(i);
    e.starts_expression = true;
    LexEntry& plural = Entry(absl::StrCat(kWeekdays[i], "s"));
    plural.weekday = static_cast<std::int8_t>(i);
    plural.weekday_plural = true;
    plural.starts_expression = true;
  }
  for (const NamedValue& n : kNumbers) {
    LexEntry& e = Entry(n.word);
    e.number = static_cast<std::uint8_t>(n.value);
    e.starts_expression = true;
  }
  for (const NamedValue& n : kOrdinals) {
    LexEntry& e = Entry(n.word);
    e.ordinal = static_cast<std::uint8_t>(n.value);
    e.starts_expression = true;
  }
  // Units start expressions of their own: "year-end", "for years".
  for (const NamedUnit& u : kUnits) {
    LexEntry& singular = Entry(u.singular);
    singular.unit = u.unit;
    singular.starts_expression = true;
    LexEntry& plural = Entry(u.plural);
    plural.unit = u.unit;
    plural.unit_plural = true;
    plural.starts_expression = true;
  }
  for (const NamedUnit& u : kFrequencies) {
    LexEntry& e = Entry(u.singular);
    e.unit = u.unit;
    e.keyword = Keyword::kFrequency;
    e.starts_expression = true;
  }
  for (const NamedValue& s : kSeasons) {
    LexEntry& e = Entry(s.word);
    e.season = static_cast<std::uint8_t>(s.value);
    e.season_needs_year = s.word == "fall";
    e.starts_expression = true;
  }
  for (const auto& [word, holiday] : {std::pair<absl::string_view, Holiday>{
                                          "valentine", Holiday::kValentines},
                                      {"easter", Holiday::kEaster},
                                      {"halloween", Holiday::kHalloween},
                                      {"election", Holiday::kElectionDay},
                                      {"thanksgiving", Holiday::kThanksgiving},
                                      {"christmas", Holiday::kChristmas}}) {
    LexEntry& e = Entry(word);
    e.holiday = holiday;
    e.starts_expression = true;
  }
  for (int q = 1; q <= 4; ++q) {
    LexEntry& e = Entry(absl::StrCat("q", q));
    e.quarter = static_cast<std::uint8_t>(q);
    e.starts_expression = true;
  }
  for (const NamedKeyword& k : kKeywords) {
    LexEntry& e = Entry(k.word);
    e.keyword = k.keyword;
    e.starts_expression |= k.starts_expression;
  }
  for (absl::string_view cue : kFutureCues) Entry(cue).tense = 1;
  for (absl::string_view cue : kPastCues) Entry(cue).tense = -1;
  for (absl::string_view noun : kCountNouns) {
    LexEntry& e = Entry(noun);
    if (e.keyword == Keyword::kNone) e.keyword = Keyword::kCountNoun;
  }
  for (auto& [word, e] : words_) {
    const bool function_word =
        e.keyword == Keyword::kThe || e.keyword == Keyword::kA ||
        e.keyword == Keyword::kThat || e.keyword == Keyword::kAt;
    e.needs_next_word = function_word && e.month == 0 && e.weekday < 0 &&
                        e.number == 0 && e.ordinal == 0 &&
                        e.unit == TimeUnit::kNone && e.season == 0 &&
                        e.quarter == 0;
  }
  BuildSlots();
}

void TemporalTables::BuildSlots() {
  // words_ is not modified after this, so pointers into it stay valid.
  std::size_t used = 0;
  for (const auto& [word, entry] : words_) {
    if (word.empty() || word.size() > kMaxWordLength) continue;
    Slot slot;
    std::memcpy(slot.key, word.data(), word.size());
    slot.entry = &entry;
    std::size_t at = SlotOf(slot.key);
    while (slots_[at].entry != nullptr) at = (at + 1) & (kSlots - 1);
    slots_[at] = slot;
    ++used;
  }
  // At most half full, so that a miss ends after a probe or two.
  if (used * 2 > kSlots) std::abort();
}

const LexEntry* TemporalTables::Lookup(absl::string_view word) const {
  if (word.empty() || word.size() > kMaxWordLength) return nullptr;
  const unsigned char first = static_cast<unsigned char>(word[0]) | 0x20;
  if (first < 'a' || first > 'z') return nullptr;
  if ((lengths_by_first_letter_[first - 'a'] & (1u << word.size())) == 0) {
    return nullptr;
  }
  std::uint64_t key[2] = {0, 0};
  char* lower = reinterpret_cast<char*>(key);
  for (std::size_t i = 0; i < word.size(); ++i) {
    // No table word has a NUL, which the zero padding would hide.
    if (word[i] == '\0') return nullptr;
    lower[i] = absl::ascii_tolower(static_cast<unsigned char>(word[i]));
  }
  return Probe(key);
}

}  // namespace temporal_internal
}  // namespace factcheck
