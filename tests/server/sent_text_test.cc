#include "server/sent_text.h"

#include <string>

#include "absl/strings/match.h"
#include "engine/document/text.h"
#include "gtest/gtest.h"

namespace factcheck {
namespace {

TEST(EscapeInvalidUtf8Test, KeepsValidTextAsItIs) {
  EXPECT_EQ(EscapeInvalidUtf8("Kyiv, Київ, 基辅 🇺🇦"), "Kyiv, Київ, 基辅 🇺🇦");
  EXPECT_EQ(EscapeInvalidUtf8(std::string("a\0b", 3)), std::string("a\0b", 3));
}

TEST(EscapeInvalidUtf8Test, WritesEachBadByteAsHex) {
  EXPECT_EQ(EscapeInvalidUtf8("doc-\xff"), "doc-\\xff");
  // A lead byte without its continuation, then a good character.
  EXPECT_EQ(EscapeInvalidUtf8("Kyiv \xc3\x28 2024"), "Kyiv \\xc3( 2024");
  // Overlong forms, UTF-16 surrogates and a sequence cut short by the end.
  EXPECT_EQ(EscapeInvalidUtf8("\xc0\xaf"), "\\xc0\\xaf");
  EXPECT_EQ(EscapeInvalidUtf8("\xed\xa0\x80"), "\\xed\\xa0\\x80");
  EXPECT_EQ(EscapeInvalidUtf8("é\xe2\x82"), "é\\xe2\\x82");
  EXPECT_TRUE(ValidateUtf8(EscapeInvalidUtf8("\x80\xbf\xfe\xf5")).ok());
}

TEST(QuotedTest, QuotesShortValuesWhole) {
  EXPECT_EQ(Quoted("2024-02-30"), "'2024-02-30'");
  EXPECT_EQ(Quoted(std::string(64, 'a')), "'" + std::string(64, 'a') + "'");
  EXPECT_EQ(Quoted("bad \xff"), "'bad \\xff'");
}

TEST(QuotedTest, CutsLongValuesAtACharacterAndSaysTheirSize) {
  EXPECT_EQ(Quoted(std::string(100000, 'a')),
            "'" + std::string(64, 'a') + "…' (100000 bytes)");
  // 63 bytes, then a two-byte letter that would end past 64: left out.
  const std::string value = std::string(63, 'a') + "éééé";
  EXPECT_EQ(Quoted(value), "'" + std::string(63, 'a') + "…' (71 bytes)");
}

TEST(SentMessageTest, KeepsShortMessagesAsTheyAre) {
  EXPECT_EQ(SentMessage("text is empty"), "text is empty");
  EXPECT_EQ(SentMessage("line 2: event 'bad-\xff'"),
            "line 2: event 'bad-\\xff'");
}

TEST(SentMessageTest, CutsTheMiddleOfALongMessageKeepingBothEnds) {
  const std::string message = "event id '" + std::string(100000, 'a') +
                              "' is not valid: use 1 to 128 lower-case "
                              "letters, digits and hyphens";
  const std::string sent = SentMessage(message);
  EXPECT_LE(sent.size(), kMaxSentMessageBytes);
  EXPECT_TRUE(absl::StartsWith(sent, "event id 'aaaa")) << sent;
  EXPECT_TRUE(absl::EndsWith(sent,
                             "aaa' is not valid: use 1 to 128 lower-case "
                             "letters, digits and hyphens"))
      << sent;
  EXPECT_TRUE(absl::StrContains(sent, " bytes cut) … ")) << sent;
  // Sending it again changes nothing.
  EXPECT_EQ(SentMessage(sent), sent);
}

TEST(SentMessageTest, BoundsMessagesOfBadBytesToo) {
  const std::string sent = SentMessage(std::string(5000, '\xff'));
  EXPECT_LE(sent.size(), kMaxSentMessageBytes);
  EXPECT_TRUE(ValidateUtf8(sent).ok());
  EXPECT_TRUE(absl::StartsWith(sent, "\\xff\\xff")) << sent;
  EXPECT_TRUE(absl::EndsWith(sent, "\\xff\\xff")) << sent;
}

}  // namespace
}  // namespace factcheck
