#include "server/sent_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/document/text.h"

namespace factcheck {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `bytes`, or
// 0 when it does not start with one. The lead byte gives the length; the
// engine's validator decides whether those bytes are well-formed, so that
// what is escaped here is exactly what requests are refused for.
std::size_t SequenceAt(absl::string_view bytes) {
  const auto lead = static_cast<unsigned char>(bytes[0]);
  std::size_t n = 0;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) n = 2;
  if (lead >= 0xE0 && lead <= 0xEF) n = 3;
  if (lead >= 0xF0 && lead <= 0xF4) n = 4;
  if (n == 0 || n > bytes.size()) return 0;
  return ValidateUtf8(bytes.substr(0, n)).ok() ? n : 0;
}

// Appends to `out` the characters of `bytes` from its start, each bad byte
// as \xNN, while `out` stays within `limit` bytes; returns how many bytes
// of `bytes` it took.
std::size_t AppendEscaped(absl::string_view bytes, std::size_t limit,
                          std::string& out) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    const std::size_t n = SequenceAt(bytes.substr(i));
    const std::size_t width = n == 0 ? 4 : n;
    if (out.size() + width > limit) break;
    if (n == 0) {
      absl::StrAppendFormat(&out, "\\x%02x",
                            static_cast<unsigned char>(bytes[i]));
      ++i;
    } else {
      out.append(bytes.data() + i, n);
      i += n;
    }
  }
  return i;
}

}  // namespace

std::string EscapeInvalidUtf8(absl::string_view bytes) {
  if (ValidateUtf8(bytes).ok()) return std::string(bytes);
  std::string out;
  out.reserve(bytes.size() + 16);
  AppendEscaped(bytes, std::string::npos, out);
  return out;
}

std::string Quoted(absl::string_view value) {
  std::string out = "'";
  const std::size_t taken = AppendEscaped(value, kMaxQuotedBytes + 1, out);
  if (taken == value.size()) {
    out += "'";
    return out;
  }
  return absl::StrCat(out, "…' (", value.size(), " bytes)");
}

std::string SentMessage(absl::string_view message) {
  std::string head;
  const std::size_t taken = AppendEscaped(message, kMaxSentMessageBytes, head);
  if (taken == message.size()) return head;
  // Room for the end: at most kTailBytes of the message, four times that
  // escaped, and the marker between.
  constexpr std::size_t kTailBytes = 96;
  constexpr std::size_t kMarkerBytes = 40;
  head.clear();
  const std::size_t head_taken = AppendEscaped(
      message, kMaxSentMessageBytes - 4 * kTailBytes - kMarkerBytes, head);
  std::size_t tail_begin = message.size() - kTailBytes;
  // Start the end at a character, not inside one.
  for (int k = 0;
       k < 3 && tail_begin < message.size() &&
       (static_cast<unsigned char>(message[tail_begin]) & 0xC0) == 0x80;
       ++k) {
    ++tail_begin;
  }
  return absl::StrCat(head, " … (", tail_begin - head_taken, " bytes cut) … ",
                      EscapeInvalidUtf8(message.substr(tail_begin)));
}

}  // namespace factcheck
