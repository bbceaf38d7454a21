#include "engine/events/ordinals.h"

#include "absl/strings/numbers.h"
#include "absl/strings/string_view.h"
#include "engine/time/temporal_tables.h"

namespace factcheck {

namespace {

// Ordinal and tens words come from the temporal tagger's tables, so that
// the two readers of "nineteenth" and "twenty-first" agree.
int OrdinalWord(absl::string_view w) {
  const temporal_internal::LexEntry* lex =
      temporal_internal::TemporalTables::Get().Lookup(w);
  return lex == nullptr ? 0 : lex->ordinal;
}

int TensWord(absl::string_view w) {
  const temporal_internal::LexEntry* lex =
      temporal_internal::TemporalTables::Get().Lookup(w);
  if (lex == nullptr || lex->number < 20 || lex->number > 90 ||
      lex->number % 10 != 0) {
    return 0;
  }
  return lex->number;
}

// "19th", "1st", "22nd", "3rd" → the number; otherwise 0.
int DigitOrdinal(absl::string_view w) {
  if (w.size() < 3 || w.size() > 6) return 0;
  const absl::string_view suffix = w.substr(w.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th")
    return 0;
  int n = 0;
  if (!absl::SimpleAtoi(w.substr(0, w.size() - 2), &n) || n <= 0) return 0;
  return n;
}

}  // namespace

int OrdinalBefore(const std::vector<Word>& words, std::size_t at,
                  std::size_t* word_count) {
  *word_count = 0;
  if (at == 0 || at > words.size()) return 0;
  const absl::string_view last = words[at - 1].norm;
  if (int n = DigitOrdinal(last); n > 0) {
    *word_count = 1;
    return n;
  }
  const int unit = OrdinalWord(last);
  if (unit == 0) return 0;
  // "twenty-first": the hyphen split it into two words.
  if (unit < 10 && at >= 2 && words[at - 2].end + 1 >= words[at - 1].begin) {
    if (int tens = TensWord(words[at - 2].norm); tens > 0) {
      *word_count = 2;
      return tens + unit;
    }
  }
  *word_count = 1;
  return unit;
}

}  // namespace factcheck
