// What the fuzzers share: how the leading bytes of an input become the
// document creation time, and the check that stops a fuzzer on a broken
// invariant.
#ifndef FACTCHECK_FUZZ_FUZZ_INPUT_H_
#define FACTCHECK_FUZZ_FUZZ_INPUT_H_

#include <cstddef>
#include <cstdint>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"

namespace factcheck::fuzz {

// Traps (a crash libFuzzer reports with the input) when `condition` is
// false. Unlike assert() it stays on in every build mode.
#define FACTCHECK_FUZZ_CHECK(condition) \
  do {                                  \
    if (!(condition)) __builtin_trap(); \
  } while (false)

// Number of leading bytes that choose the DCT.
inline constexpr std::size_t kDctBytes = 3;

// The DCT chosen by the first kDctBytes bytes of `data` (which must have
// that many). Mostly years near today, where the rules do most, but one
// input in two may take any year from 1 to 9999 to reach the edges of the
// calendar arithmetic.
inline absl::CivilDay DctFromBytes(const std::uint8_t* data) {
  const int wide = (data[0] << 8) | data[1];
  const int year =
      (data[0] & 0x80) != 0 ? 1 + (wide & 0x7FFF) % 9999 : 1950 + data[1] % 100;
  return absl::CivilDay(year, 1, 1) + (data[2] * 365) / 255;
}

// The rest of the input: the text to read.
inline absl::string_view TextFromBytes(const std::uint8_t* data,
                                       std::size_t size) {
  return absl::string_view(reinterpret_cast<const char*>(data) + kDctBytes,
                           size - kDctBytes);
}

}  // namespace factcheck::fuzz

#endif  // FACTCHECK_FUZZ_FUZZ_INPUT_H_
