// Byte-level helpers for UTF-8 text. The server reports spans as byte
// offsets; people read code points, so the CLI converts between the two.
#ifndef FACTCHECK_CLIENT_UTF8_H_
#define FACTCHECK_CLIENT_UTF8_H_

#include <cstddef>
#include <optional>

#include "absl/strings/string_view.h"

namespace factcheck::client {

// True for the bytes that continue a multibyte sequence (10xxxxxx): an offset
// pointing at one is not at a character boundary.
inline bool IsUtf8Continuation(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Number of code points in `text`: the bytes that start a character.
std::size_t CodePointCount(absl::string_view text);

// Moves `offset` back to the start of the character it falls in. Offsets past
// the end are clamped to `text.size()`.
std::size_t FloorToBoundary(absl::string_view text, std::size_t offset);

// Moves `offset` forward to the start of the next character unless it is at
// one already. Offsets past the end are clamped to `text.size()`.
std::size_t CeilToBoundary(absl::string_view text, std::size_t offset);

// The offset `count` code points before (`Back`) or after (`Forward`) the
// boundary `offset`, stopping at the ends of `text`.
std::size_t StepBack(absl::string_view text, std::size_t offset,
                     std::size_t count);
std::size_t StepForward(absl::string_view text, std::size_t offset,
                        std::size_t count);

// The byte offset of the first malformed sequence in `text`, or nullopt if it
// is valid UTF-8. Protobuf rejects invalid UTF-8 in string fields, so the CLI
// checks before sending rather than failing with an opaque RPC error.
std::optional<std::size_t> FindInvalidUtf8(absl::string_view text);

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_UTF8_H_
