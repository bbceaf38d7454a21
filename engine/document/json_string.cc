#include "engine/document/json_string.h"

#include "absl/strings/str_format.h"

namespace factcheck {
namespace {

std::string Quote(absl::string_view text, bool escape_lt) {
  std::string quoted = "\"";
  quoted.reserve(text.size() + 2);
  for (const char c : text) {
    switch (c) {
      case '"':
        quoted += "\\\"";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '\n':
        quoted += "\\n";
        break;
      case '\r':
        quoted += "\\r";
        break;
      case '\t':
        quoted += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&quoted, "\\u%04x", c);
        } else if (c == '<' && escape_lt) {
          quoted += "\\u003c";
        } else {
          quoted += c;
        }
    }
  }
  quoted += '"';
  return quoted;
}

}  // namespace

std::string JsonQuote(absl::string_view text) { return Quote(text, false); }

std::string JsonQuoteForHtml(absl::string_view text) {
  return Quote(text, true);
}

}  // namespace factcheck
