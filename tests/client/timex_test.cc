// The output of `factcheck timex`: readable lines, JSON and TimeML, exactly.
// The expressions are written here rather than tagged, so that these tests
// pin the rendering and not the tagger's rules.
#include "client/timex.h"

#include <string>
#include <vector>

#include "absl/time/civil_time.h"
#include "client/document.h"
#include "gtest/gtest.h"

namespace factcheck::client {
namespace {

TimeExpression Timex(std::size_t begin, std::size_t end, std::string text,
                     TimexType type, std::string value, std::string mod = "") {
  TimeExpression t;
  t.begin = begin;
  t.end = end;
  t.text = std::move(text);
  t.type = type;
  t.value = std::move(value);
  t.mod = std::move(mod);
  return t;
}

const std::string kText =
    "On 14 February they met.\nTalks have run for two years since early 2022.";
std::vector<TimeExpression> TextTimexes() {
  return {Timex(3, 14, "14 February", TimexType::kDate, "2024-02-14"),
          Timex(44, 53, "two years", TimexType::kDuration, "P2Y"),
          Timex(60, 70, "early 2022", TimexType::kDate, "2022", "START")};
}

TEST(RenderTimexJsonTest, WritesOneObjectWithByteOffsetsAndModWhenSet) {
  EXPECT_EQ(
      RenderTimexJson(TextTimexes()),
      R"({"timexes":[)"
      R"({"begin":3,"end":14,"text":"14 February","type":"DATE","value":"2024-02-14"},)"
      R"({"begin":44,"end":53,"text":"two years","type":"DURATION","value":"P2Y"},)"
      R"({"begin":60,"end":70,"text":"early 2022","type":"DATE","value":"2022","mod":"START"}]})"
      "\n");
}

TEST(RenderTimexJsonTest, WritesAnEmptyListWhenNothingIsFound) {
  EXPECT_EQ(RenderTimexJson({}), "{\"timexes\":[]}\n");
}

TEST(RenderTimexJsonTest, EscapesQuotesAndLineBreaksInText) {
  EXPECT_EQ(
      RenderTimexJson(
          {Timex(0, 14, "\"May\"\n2023", TimexType::kDate, "2023-05")}),
      R"({"timexes":[{"begin":0,"end":14,"text":"\"May\"\n2023","type":"DATE","value":"2023-05"}]})"
      "\n");
}

TEST(RenderTimexLinesTest, AlignsColumnsAndCountsPositionsInTheFile) {
  Document document;
  document.path = "a.txt";
  // The header is stripped before tagging: offsets are into the text after
  // it, positions are in the file as the user sees it.
  document.content = "date 2024-02-14\n" + kText;
  document.text_offset = 16;
  document.published_date = "2024-02-14";
  EXPECT_EQ(RenderTimexLines(document, TextTimexes()),
            "2:4   DATE      2024-02-14  \"14 February\"\n"
            "3:20  DURATION  P2Y         \"two years\"\n"
            "3:36  DATE      2022        \"early 2022\"  mod=START\n");
}

TEST(RenderTimexLinesTest, CountsColumnsInCodePoints) {
  Document document;
  document.content = "Café on 2 May";  // "é" is two bytes.
  EXPECT_EQ(RenderTimexLines(document, {Timex(9, 14, "2 May", TimexType::kDate,
                                              "2024-05-02")}),
            "1:9  DATE      2024-05-02  \"2 May\"\n");
}

TEST(RenderTimemlTest, WrapsTheTextInATimemlDocumentWithTheDct) {
  EXPECT_EQ(
      RenderTimeml(kText, TextTimexes(), "seed-article",
                   absl::CivilDay(2024, 2, 14)),
      "<?xml version=\"1.0\" ?>\n"
      "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/"
      "TimeML_1.2.1.xsd\">\n\n"
      "<DOCID>seed-article</DOCID>\n\n"
      "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2024-02-14\" "
      "temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">"
      "2024-02-14</TIMEX3></DCT>\n\n"
      "<TEXT>On <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2024-02-14\">"
      "14 February</TIMEX3> they met.\nTalks have run for "
      "<TIMEX3 tid=\"t2\" type=\"DURATION\" value=\"P2Y\">two years</TIMEX3> "
      "since <TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2022\" mod=\"START\">"
      "early 2022</TIMEX3>.</TEXT>\n\n</TimeML>\n");
}

TEST(RenderTimemlTest, EscapesMarkupInsideAndOutsideTags) {
  const std::string text = "A&B <x> \"1 May\" & more";
  const std::string timeml = RenderTimeml(
      text, {Timex(9, 14, "1 May", TimexType::kDate, "2024-05-01")}, "doc",
      absl::CivilDay(2024, 6, 1));
  const std::string body = timeml.substr(timeml.find("<TEXT>"));
  EXPECT_EQ(body,
            "<TEXT>A&amp;B &lt;x&gt; &quot;<TIMEX3 tid=\"t1\" type=\"DATE\" "
            "value=\"2024-05-01\">1 May</TIMEX3>&quot; &amp; more</TEXT>\n\n"
            "</TimeML>\n");
}

TEST(RenderTimemlTest, EscapesTheTextOfATag) {
  const std::string text = "from 1<2 May";
  const std::string timeml = RenderTimeml(
      text, {Timex(5, 12, "1<2 May", TimexType::kDate, "2024-05-02")}, "doc",
      absl::CivilDay(2024, 6, 1));
  EXPECT_NE(timeml.find(">1&lt;2 May</TIMEX3>"), std::string::npos) << timeml;
}

TEST(RenderTimemlTest, SkipsSpansThatOverlapOrLieOutsideTheText) {
  const std::string text = "In May 2023.";
  const std::string timeml =
      RenderTimeml(text,
                   {Timex(3, 11, "May 2023", TimexType::kDate, "2023-05"),
                    Timex(7, 11, "2023", TimexType::kDate, "2023"),
                    Timex(10, 40, "?", TimexType::kDate, "2023")},
                   "doc", absl::CivilDay(2024, 6, 1));
  EXPECT_NE(timeml.find("<TEXT>In <TIMEX3 tid=\"t1\" type=\"DATE\" "
                        "value=\"2023-05\">May 2023</TIMEX3>.</TEXT>"),
            std::string::npos)
      << timeml;
}

TEST(EscapeXmlTest, KeepsTheTextsLengthInCharacters) {
  EXPECT_EQ(EscapeXml("a\x01"
                      "b\tc\nd\re\x0C"),
            "a b\tc\nd\re ");
  EXPECT_EQ(EscapeXml("x\xEF\xBF\xBEy\xEF\xBF\xBFz"),
            "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  EXPECT_EQ(EscapeXml("Sébastien’s"), "Sébastien’s");
}

}  // namespace
}  // namespace factcheck::client
