// The bearer tokens a server accepts, each held by one role.
//
// A table is written as entries "ROLE TOKEN", one per line or separated by
// commas (so that a few fit in one environment variable); blank lines are
// skipped and '#' starts a comment that runs to the end of its line:
//
//   # role     token
//   reader     3f6c2a1e9b7d4c08a5e2f1b3c7d9e0a4
//   ingester   8b1d5f3a7c9e2d4b6a8c0e1f3a5b7d9c
//   admin      c4e6a8b0d2f4a6c8e0b2d4f6a8c0e2b4
//
// Tokens are 16 to 4096 characters of A-Z a-z 0-9 - . _ ~ + / = (the
// characters RFC 6750 allows in a bearer token); `openssl rand -hex 32`
// makes a good one. Error messages name lines, never tokens.
#ifndef FACTCHECK_SERVER_TOKEN_TABLE_H_
#define FACTCHECK_SERVER_TOKEN_TABLE_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "server/access_policy.h"

namespace factcheck {

class TokenTable {
 public:
  // Parses `text` as above. `origin` names where it came from in error
  // messages ("deploy/tokens", "$FACTCHECK_TOKENS"). Fails with
  // INVALID_ARGUMENT on an unknown role, a malformed or short token, a token
  // given twice, or a table without tokens.
  static absl::StatusOr<TokenTable> Parse(absl::string_view text,
                                          absl::string_view origin);

  // The role holding `token`, or nullopt. Takes the same time whichever
  // entry matches, or none, so that response times do not reveal how much
  // of a guessed token is right.
  std::optional<Role> Find(absl::string_view token) const;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    Role role;
    std::string token;
  };
  std::vector<Entry> entries_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_TOKEN_TABLE_H_
