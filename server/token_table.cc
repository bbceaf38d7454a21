#include "server/token_table.h"

#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace factcheck {
namespace {

constexpr std::size_t kMinTokenLength = 16;
constexpr std::size_t kMaxTokenLength = 4096;

bool IsTokenCharacter(char c) {
  return absl::ascii_isalnum(static_cast<unsigned char>(c)) || c == '-' ||
         c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

// Compares without stopping at the first difference: the time depends on
// the length of `given` only. (Both are at most kMaxTokenLength long, and
// `expected` is never empty.)
bool ConstantTimeEquals(absl::string_view given, absl::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i) {
    difference |= static_cast<unsigned char>(given[i]) ^
                  static_cast<unsigned char>(expected[i % expected.size()]);
  }
  return difference == 0;
}

}  // namespace

absl::StatusOr<TokenTable> TokenTable::Parse(absl::string_view text,
                                             absl::string_view origin) {
  TokenTable table;
  // The line each token was given on, to name a repeated one.
  absl::flat_hash_map<std::string, int> lines_by_token;
  int line_number = 0;
  for (absl::string_view line : absl::StrSplit(text, '\n')) {
    ++line_number;
    line = line.substr(0, line.find('#'));
    for (absl::string_view entry : absl::StrSplit(line, ',')) {
      const std::vector<absl::string_view> words =
          absl::StrSplit(entry, absl::ByAnyChar(" \t\r"), absl::SkipEmpty());
      if (words.empty()) continue;
      const auto error = [&](absl::string_view problem) {
        return absl::InvalidArgumentError(
            absl::StrCat(origin, ": line ", line_number, ": ", problem));
      };
      const std::optional<Role> role = ParseRole(words[0]);
      if (!role.has_value()) {
        return error(absl::StrCat("unknown role '", words[0],
                                  "' (the roles are reader, ingester, admin)"));
      }
      if (words.size() != 2) {
        return error(absl::StrCat("expected 'ROLE TOKEN', found ", words.size(),
                                  words.size() == 1 ? " word" : " words"));
      }
      const absl::string_view token = words[1];
      for (char c : token) {
        if (!IsTokenCharacter(c)) {
          return error(
              "the token has a character other than A-Z a-z 0-9 - . _ ~ + "
              "/ =");
        }
      }
      if (token.size() < kMinTokenLength || token.size() > kMaxTokenLength) {
        return error(absl::StrCat("the token has ", token.size(),
                                  " characters; use ", kMinTokenLength, " to ",
                                  kMaxTokenLength,
                                  " (`openssl rand -hex 32` makes one of 64)"));
      }
      const auto [it, inserted] =
          lines_by_token.emplace(std::string(token), line_number);
      if (!inserted) {
        return error(absl::StrCat("repeats the token of line ", it->second,
                                  "; each token must belong to one role only"));
      }
      table.entries_.push_back({*role, std::string(token)});
    }
  }
  if (table.entries_.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(origin, " holds no tokens; write lines ROLE TOKEN"));
  }
  return table;
}

std::optional<Role> TokenTable::Find(absl::string_view token) const {
  // Every entry is compared, and the match is kept without a branch on
  // secret data beyond the final one.
  if (token.size() > kMaxTokenLength) return std::nullopt;
  int found = 0;
  for (const Entry& entry : entries_) {
    const int match = ConstantTimeEquals(token, entry.token) ? 1 : 0;
    found |= match * static_cast<int>(entry.role);
  }
  if (found == 0) return std::nullopt;
  return static_cast<Role>(found);
}

}  // namespace factcheck
