// Internal to engine/: splits raw UTF-8 news text into the tokens the
// temporal tagger's grammar reads. Callers outside engine/ use
// temporal_tagger.h only.
#ifndef FACTCHECK_ENGINE_TIME_TEMPORAL_TOKENIZER_H_
#define FACTCHECK_ENGINE_TIME_TEMPORAL_TOKENIZER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/time/temporal_tables.h"

namespace factcheck {
namespace temporal_internal {

enum class TokenKind : std::uint8_t {
  kWord,    // Letters (ASCII or not), possibly with digits after: "Q1".
  kNumber,  // Starts with an ASCII digit: "14", "19th", "1990s", "2,023".
  kPunct,   // One punctuation character, normalised (see Token::punct).
};

// How a kNumber token is written.
enum class NumberForm : std::uint8_t {
  kPlain,     // "2024", "14"
  kOrdinal,   // "14th", "1st"
  kPlural,    // "1990s", "1990's"
  kGrouped,   // "2,023", "2023.5", "1,000": a quantity, never a date part
  kSuffixed,  // "10km", "5G": anything else glued to the digits
};

struct Token {
  std::size_t begin = 0;  // Byte offsets into the text, half-open.
  std::size_t end = 0;
  TokenKind kind = TokenKind::kWord;
  // For kPunct: the ASCII character, with typographic variants folded in:
  // '-' for hyphens and en dashes, 'D' for em dashes, '\'' for curly
  // apostrophes, '"' for curly and angle quotes, '.' for an ellipsis.
  char punct = 0;
  // Whether whitespace, a control character or skipped invalid UTF-8 lies
  // between the previous token and this one. "mid-2023" has none.
  bool space_before = true;
  // Whether a line break lies between the previous token and this one.
  bool newline_before = false;
  bool capitalized = false;  // First byte is an ASCII capital letter.
  NumberForm number_form = NumberForm::kPlain;
  std::uint8_t digits = 0;  // Count of leading digits, saturating at 255.
  // Value of the leading digits when there are at most 9, otherwise -1.
  std::int64_t number = -1;
  // The table entry of an ASCII word, or nullptr.
  const LexEntry* lex = nullptr;
};

// Appends the tokens of `text` to `tokens` (cleared first). Never fails:
// bytes that are not valid UTF-8 are skipped as if they were a space.
void Tokenize(absl::string_view text, const TemporalTables& tables,
              std::vector<Token>& tokens);

// Appends to `tokens` the tokens of `text` from byte `from`, which must be
// 0 or the first byte of a token that follows a line break (as returned by
// an earlier call), and stops before the first token that follows a line
// break, begins `min_bytes` or more after `from` and comes after at least
// `min_tokens` appended tokens. Returns the first byte of that token, or
// text.size() at the end of the text. The tokens are those Tokenize finds,
// with offsets into the whole text.
std::size_t TokenizeUntilLineBreak(absl::string_view text,
                                   const TemporalTables& tables,
                                   std::size_t from, std::size_t min_bytes,
                                   std::size_t min_tokens,
                                   std::vector<Token>& tokens);

}  // namespace temporal_internal
}  // namespace factcheck

#endif  // FACTCHECK_ENGINE_TIME_TEMPORAL_TOKENIZER_H_
