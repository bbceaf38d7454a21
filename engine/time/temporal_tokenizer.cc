#include "engine/time/temporal_tokenizer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "absl/strings/string_view.h"
#include "engine/time/temporal_tables.h"
#include "engine/document/text.h"

namespace factcheck {
namespace temporal_internal {
namespace {

enum class CharClass : std::uint8_t {
  kSpace,
  kNewline,
  kLetter,
  kDigit,
  kPunct,
  kInvalid,
};

struct Char {
  CharClass cls;
  std::uint8_t length;  // Bytes; 1 for an invalid byte.
  char punct;           // For kPunct.
};

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the UTF-8 sequence at `s[i]`. Returns its length, or 0 when the
// bytes there are not a valid, shortest-form sequence.
std::size_t Decode(absl::string_view s, std::size_t i, std::uint32_t& cp) {
  const auto byte = [&](std::size_t k) {
    return static_cast<unsigned char>(s[i + k]);
  };
  const unsigned char b0 = byte(0);
  const std::size_t left = s.size() - i;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    if (left < 2 || !IsContinuation(byte(1))) return 0;
    cp = ((b0 & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (left < 3 || !IsContinuation(byte(1)) || !IsContinuation(byte(2))) {
      return 0;
    }
    // Overlong forms and UTF-16 surrogates are invalid.
    if (b0 == 0xE0 && byte(1) < 0xA0) return 0;
    if (b0 == 0xED && byte(1) > 0x9F) return 0;
    cp = ((b0 & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (left < 4 || !IsContinuation(byte(1)) || !IsContinuation(byte(2)) ||
        !IsContinuation(byte(3))) {
      return 0;
    }
    if (b0 == 0xF0 && byte(1) < 0x90) return 0;
    if (b0 == 0xF4 && byte(1) > 0x8F) return 0;
    cp = ((b0 & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) |
         ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
    return 4;
  }
  return 0;
}

// Classifies a non-ASCII code point. Typographic spaces, dashes and quotes
// are folded onto their ASCII counterparts so that the grammar sees one
// form; everything else outside the symbol blocks is read as a letter.
Char ClassifyCodePoint(std::uint32_t cp, std::uint8_t length) {
  switch (cp) {
    case 0x00A0:  // No-break space.
    case 0x1680:
    case 0x202F:  // Narrow no-break space.
    case 0x205F:
    case 0x3000:
    case 0xFEFF:  // Byte order mark.
      return {CharClass::kSpace, length, 0};
    case 0x0085:
    case 0x2028:
    case 0x2029:
      return {CharClass::kNewline, length, 0};
    case 0x2010:  // Hyphen.
    case 0x2011:  // Non-breaking hyphen.
    case 0x2012:  // Figure dash.
    case 0x2013:  // En dash.
    case 0x2212:  // Minus sign.
      return {CharClass::kPunct, length, '-'};
    case 0x2014:  // Em dash.
    case 0x2015:
      return {CharClass::kPunct, length, 'D'};
    case 0x2018:
    case 0x2019:
    case 0x201B:
    case 0x2032:
      return {CharClass::kPunct, length, '\''};
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
      return {CharClass::kPunct, length, '"'};
    case 0x2026:  // Ellipsis.
      return {CharClass::kPunct, length, '.'};
    default:
      break;
  }
  if (cp >= 0x2000 && cp <= 0x200B) return {CharClass::kSpace, length, 0};
  if (cp < 0xA0) return {CharClass::kSpace, length, 0};  // C1 controls.
  // Latin-1 symbols (currency, degree, section) and the general punctuation,
  // currency, arrow and mathematical blocks are punctuation, so that "€2024"
  // is not read as one word and "2024" is still seen as a number.
  if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7 ||
      (cp >= 0x2000 && cp <= 0x2BFF)) {
    return {CharClass::kPunct, length, '*'};
  }
  return {CharClass::kLetter, length, 0};
}

constexpr CharClass ClassifyAscii(unsigned char c) {
  if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
    return CharClass::kNewline;
  }
  if (c <= ' ' || c == 0x7F) return CharClass::kSpace;
  return CharClass::kPunct;
}

// ASCII bytes are classified by table lookup: the tokenizer's inner loops
// run over every byte of the text.
struct AsciiClasses {
  CharClass of[128];
  constexpr AsciiClasses() : of() {
    for (int c = 0; c < 128; ++c) {
      of[c] = ClassifyAscii(static_cast<unsigned char>(c));
    }
  }
};
constexpr AsciiClasses kAscii;

inline bool IsAsciiWordChar(unsigned char c) {
  return c < 0x80 && (kAscii.of[c] == CharClass::kLetter ||
                      kAscii.of[c] == CharClass::kDigit);
}

Char ClassifySlow(absl::string_view s, std::size_t i);

inline Char Classify(absl::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    return {kAscii.of[c], 1, static_cast<char>(c)};
  }
  return ClassifySlow(s, i);
}

Char ClassifySlow(absl::string_view s, std::size_t i) {
  std::uint32_t cp = 0;
  const std::size_t length = Decode(s, i, cp);
  if (length == 0) return {CharClass::kInvalid, 1, 0};
  return ClassifyCodePoint(cp, static_cast<std::uint8_t>(length));
}

bool IsDigit(absl::string_view s, std::size_t i) {
  return i < s.size() && s[i] >= '0' && s[i] <= '9';
}

// Consumes letters and digits from `i`; returns the end.
std::size_t ScanWordChars(absl::string_view s, std::size_t i) {
  while (i < s.size()) {
    if (IsAsciiWordChar(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    const Char ch = Classify(s, i);
    if (ch.cls != CharClass::kLetter && ch.cls != CharClass::kDigit) break;
    i += ch.length;
  }
  return i;
}

bool EqualsIgnoreCase(absl::string_view s, const char* lower) {
  std::size_t i = 0;
  for (; lower[i] != 0; ++i) {
    if (i >= s.size() || (s[i] | 0x20) != lower[i]) return false;
  }
  return i == s.size();
}

// Reads the number starting at `token.begin`, sets its form and value, and
// returns its end.
std::size_t ScanNumber(absl::string_view s, Token& token) {
  std::size_t i = token.begin;
  std::int64_t value = 0;
  std::size_t digits = 0;
  while (IsDigit(s, i)) {
    if (digits < 9) value = value * 10 + (s[i] - '0');
    ++digits;
    ++i;
  }
  token.digits = static_cast<std::uint8_t>(digits > 255 ? 255 : digits);
  token.number = digits <= 9 ? value : -1;
  token.number_form = NumberForm::kPlain;
  // "2,023" and "2023.5" are quantities: the separator is followed by a
  // digit. "2024." at the end of a sentence is not.
  while (i + 1 < s.size() && (s[i] == ',' || s[i] == '.') &&
         IsDigit(s, i + 1)) {
    token.number_form = NumberForm::kGrouped;
    ++i;
    while (IsDigit(s, i)) ++i;
  }
  if (i < s.size() && Classify(s, i).cls == CharClass::kLetter) {
    const std::size_t end = ScanWordChars(s, i);
    const absl::string_view suffix = s.substr(i, end - i);
    if (token.number_form == NumberForm::kGrouped) {
      token.number_form = NumberForm::kSuffixed;
    } else if (EqualsIgnoreCase(suffix, "st") ||
               EqualsIgnoreCase(suffix, "nd") ||
               EqualsIgnoreCase(suffix, "rd") ||
               EqualsIgnoreCase(suffix, "th")) {
      token.number_form = NumberForm::kOrdinal;
    } else if (EqualsIgnoreCase(suffix, "s")) {
      token.number_form = NumberForm::kPlural;
    } else {
      token.number_form = NumberForm::kSuffixed;
    }
    return end;
  }
  // "1990's": an apostrophe, then "s" that ends the word.
  if (token.number_form == NumberForm::kPlain && i < s.size()) {
    const Char ch = Classify(s, i);
    const std::size_t after = i + ch.length;
    if (ch.cls == CharClass::kPunct && ch.punct == '\'' && after < s.size() &&
        (s[after] | 0x20) == 's' &&
        (after + 1 >= s.size() ||
         (Classify(s, after + 1).cls != CharClass::kLetter &&
          Classify(s, after + 1).cls != CharClass::kDigit))) {
      token.number_form = NumberForm::kPlural;
      return after + 1;
    }
  }
  return i;
}

}  // namespace

void Tokenize(absl::string_view text, const TemporalTables& tables,
              std::vector<Token>& tokens) {
  tokens.clear();
  // News copy averages about six bytes per token. The cap keeps a huge
  // input from committing memory before it is known to need it.
  tokens.reserve(std::min<std::size_t>(text.size() / 6 + 16, 1 << 16));
  TokenizeUntilLineBreak(text, tables, 0, text.size() + 1, 0, tokens);
}

std::size_t TokenizeUntilLineBreak(absl::string_view text,
                                   const TemporalTables& tables,
                                   std::size_t from, std::size_t min_bytes,
                                   std::size_t min_tokens,
                                   std::vector<Token>& tokens) {
  const char* const s = text.data();
  const std::size_t n = text.size();
  // Past this byte, a token after a line break ends the run.
  const std::size_t stop_at =
      min_bytes > n - std::min(from, n) ? n + 1 : from + min_bytes;
  const std::size_t stop_count = tokens.size() + min_tokens;
  bool space = true;
  bool newline = true;
  std::size_t i = from;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    Char ch;
    if (c < 0x80) {
      ch = {kAscii.of[c], 1, static_cast<char>(c)};
    } else {
      ch = ClassifySlow(text, i);
    }
    if (ch.cls == CharClass::kSpace || ch.cls == CharClass::kInvalid) {
      space = true;
      i += ch.length;
      continue;
    }
    if (ch.cls == CharClass::kNewline) {
      space = newline = true;
      i += ch.length;
      continue;
    }
    if (newline && i >= stop_at && i != from && tokens.size() >= stop_count) {
      return i;
    }
    Token& token = tokens.emplace_back();
    token.begin = i;
    token.space_before = space;
    token.newline_before = newline;
    space = newline = false;
    switch (ch.cls) {
      case CharClass::kPunct:
        token.kind = TokenKind::kPunct;
        token.punct = ch.punct;
        token.end = i + ch.length;
        break;
      case CharClass::kDigit:
        token.kind = TokenKind::kNumber;
        token.end = ScanNumber(text, token);
        break;
      default: {
        token.kind = TokenKind::kWord;
        std::size_t end;
        if (c < 0x80) {
          // ASCII letters and digits sixteen bytes at a time; anything
          // else by the general scan, from where the ASCII run stops.
          end = AsciiAlnumRunEnd(text, i + 1);
          if (end < n && static_cast<unsigned char>(s[end]) >= 0x80) {
            end = ScanWordChars(text, end);
          }
        } else {
          end = ScanWordChars(text, i);
        }
        token.end = end;
        token.capitalized = c >= 'A' && c <= 'Z';
        if (c < 0x80) {
          token.lex = tables.LookupWord(s + i, end - i, n - i >= 16);
        }
        break;
      }
    }
    i = token.end;
  }
  return n;
}

}  // namespace temporal_internal
}  // namespace factcheck
