// Reading the token table: its format, and errors that name lines but
// never tokens.
#include "server/token_table.h"

#include <string>

#include "gtest/gtest.h"
#include "tests/support/temp_dir.h"

namespace factcheck {
namespace {

constexpr char kReader[] = "r3ader0123456789abcdef";
constexpr char kIngester[] = "1ngester0123456789abcdef";
constexpr char kAdmin[] = "adm1n0123456789abcdef+/=";

TEST(TokenTableTest, ReadsRolesTokensAndComments) {
  const std::string text = std::string("# role token\n\nreader ") + kReader +
                           "  # the newsroom\n\tingester\t" + kIngester +
                           "\r\nadmin " + kAdmin + "\n";
  absl::StatusOr<TokenTable> table = TokenTable::Parse(text, "tokens");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 3u);
  EXPECT_EQ(table->Find(kReader), Role::kReader);
  EXPECT_EQ(table->Find(kIngester), Role::kIngester);
  EXPECT_EQ(table->Find(kAdmin), Role::kAdmin);
}

TEST(TokenTableTest, ExampleFileParses) {
  absl::StatusOr<TokenTable> table = TokenTable::Parse(
      testing::ReadFileOrDie(FACTCHECK_TOKENS_EXAMPLE), "tokens.example");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 3u);
  EXPECT_EQ(table->Find("EXAMPLE-admin-token-not-a-secret-00000000000000000"),
            Role::kAdmin);
}

TEST(TokenTableTest, FindsNothingForNearMisses) {
  absl::StatusOr<TokenTable> table =
      TokenTable::Parse(std::string("reader ") + kReader, "tokens");
  ASSERT_TRUE(table.ok()) << table.status();
  const std::string token = kReader;
  EXPECT_EQ(table->Find(""), std::nullopt);
  EXPECT_EQ(table->Find(token.substr(0, token.size() - 1)), std::nullopt);
  EXPECT_EQ(table->Find(token + "0"), std::nullopt);
  EXPECT_EQ(table->Find(token + token), std::nullopt);
  std::string changed = token;
  changed[5] = 'X';
  EXPECT_EQ(table->Find(changed), std::nullopt);
}

TEST(TokenTableTest, EnvironmentFormSeparatesEntriesWithCommas) {
  absl::StatusOr<TokenTable> table =
      TokenTable::Parse(std::string("reader ") + kReader + ", admin " + kAdmin,
                        "$FACTCHECK_TOKENS");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_EQ(table->size(), 2u);
  EXPECT_EQ(table->Find(kAdmin), Role::kAdmin);
}

// Parses `text` expecting INVALID_ARGUMENT; returns the message.
std::string ParseError(const std::string& text) {
  absl::StatusOr<TokenTable> table = TokenTable::Parse(text, "deploy/tokens");
  EXPECT_EQ(table.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(table.status().message());
}

TEST(TokenTableTest, UnknownRoleIsNamedWithItsLine) {
  EXPECT_EQ(ParseError(std::string("reader ") + kReader + "\nroot " + kAdmin),
            "deploy/tokens: line 2: unknown role 'root' (the roles are "
            "reader, ingester, admin)");
}

TEST(TokenTableTest, ShortTokensAreRefusedWithoutQuotingThem) {
  const std::string message = ParseError("admin hunter2");
  EXPECT_EQ(message,
            "deploy/tokens: line 1: the token has 7 characters; use 16 to "
            "4096 (`openssl rand -hex 32` makes one of 64)");
  EXPECT_EQ(message.find("hunter2"), std::string::npos);
}

TEST(TokenTableTest, TokenWithForbiddenCharacterIsRefused) {
  EXPECT_EQ(ParseError("reader abcdefgh\"ijklmnopq"),
            "deploy/tokens: line 1: the token has a character other than "
            "A-Z a-z 0-9 - . _ ~ + / =");
}

TEST(TokenTableTest, EntryWithoutTokenOrWithExtraWordsIsRefused) {
  EXPECT_EQ(ParseError("reader"),
            "deploy/tokens: line 1: expected 'ROLE TOKEN', found 1 word");
  EXPECT_EQ(ParseError(std::string("reader ") + kReader + " extra"),
            "deploy/tokens: line 1: expected 'ROLE TOKEN', found 3 words");
}

TEST(TokenTableTest, TokenGivenTwiceIsRefused) {
  EXPECT_EQ(
      ParseError(std::string("reader ") + kReader + "\n\nadmin " + kReader),
      "deploy/tokens: line 3: repeats the token of line 1; each token "
      "must belong to one role only");
}

TEST(TokenTableTest, TableWithoutTokensIsRefused) {
  EXPECT_EQ(ParseError("# nothing yet\n\n"),
            "deploy/tokens holds no tokens; write lines ROLE TOKEN");
}

}  // namespace
}  // namespace factcheck
