#include "client/utf8.h"

#include <algorithm>
#include <cstdint>

namespace factcheck::client {

std::size_t CodePointCount(absl::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(),
                    [](char byte) { return !IsUtf8Continuation(byte); }));
}

std::size_t FloorToBoundary(absl::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  while (offset > 0 && offset < text.size() &&
         IsUtf8Continuation(text[offset])) {
    --offset;
  }
  return offset;
}

std::size_t CeilToBoundary(absl::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  while (offset < text.size() && IsUtf8Continuation(text[offset])) ++offset;
  return offset;
}

std::size_t StepBack(absl::string_view text, std::size_t offset,
                     std::size_t count) {
  offset = FloorToBoundary(text, offset);
  for (; count > 0 && offset > 0; --count) {
    offset = FloorToBoundary(text, offset - 1);
  }
  return offset;
}

std::size_t StepForward(absl::string_view text, std::size_t offset,
                        std::size_t count) {
  offset = CeilToBoundary(text, offset);
  for (; count > 0 && offset < text.size(); --count) {
    offset = CeilToBoundary(text, offset + 1);
  }
  return offset;
}

std::optional<std::size_t> FindInvalidUtf8(absl::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<std::uint8_t>(text[i]);
    std::size_t length;
    std::uint32_t min_code_point;
    if (lead < 0x80) {
      ++i;
      continue;
    } else if ((lead & 0xE0) == 0xC0) {
      length = 2;
      min_code_point = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
      length = 3;
      min_code_point = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
      length = 4;
      min_code_point = 0x10000;
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    std::uint32_t code_point = lead & (0x7F >> length);
    for (std::size_t k = 1; k < length; ++k) {
      if (!IsUtf8Continuation(text[i + k])) return i;
      code_point =
          (code_point << 6) | (static_cast<std::uint8_t>(text[i + k]) & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not
    // UTF-8 even when the bit pattern looks right.
    if (code_point < min_code_point || code_point > 0x10FFFF ||
        (code_point >= 0xD800 && code_point <= 0xDFFF)) {
      return i;
    }
    i += length;
  }
  return std::nullopt;
}

}  // namespace factcheck::client
