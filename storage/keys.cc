#include "storage/keys.h"

#include <cstddef>

#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace factcheck::keys {
namespace {

constexpr size_t kClaimNumberBytes = 4;

// Big-endian, so that byte order of keys is numeric order of claims.
void AppendBigEndian32(uint32_t value, std::string* out) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

// True when `key` is `id` '\0' followed by exactly a claim number, with a
// non-empty id that has no '\0' of its own.
bool IsIdThenNumber(absl::string_view key) {
  if (key.size() < 1 + 1 + kClaimNumberBytes) return false;
  const size_t nul = key.find('\0');
  return nul != 0 && nul == key.size() - 1 - kClaimNumberBytes;
}

constexpr size_t kImportIdBytes = 8;

void AppendBigEndian64(uint64_t value, std::string* out) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out->push_back(static_cast<char>((value >> shift) & 0xff));
  }
}

absl::Status InvalidToken() {
  return absl::InvalidArgumentError("page_token is not valid");
}

}  // namespace

absl::Status ValidateId(absl::string_view kind, absl::string_view id) {
  if (id.empty())
    return absl::InvalidArgumentError(absl::StrCat(kind, " id is empty"));
  if (absl::StrContains(id, absl::string_view("\0", 1))) {
    // CHexEscape so that the message shows where the NUL is instead of
    // being cut short by it.
    return absl::InvalidArgumentError(absl::StrCat(
        kind, " id '", absl::CHexEscape(id), "' contains a NUL byte"));
  }
  return absl::OkStatus();
}

std::optional<absl::string_view> IdFromName(absl::string_view name,
                                            absl::string_view prefix) {
  if (!absl::ConsumePrefix(&name, prefix) || name.empty()) return std::nullopt;
  return name;
}

std::string ClaimName(absl::string_view source_id, uint32_t number) {
  return absl::StrCat(kSourceNamePrefix, source_id, "/claims/", number);
}

std::string ClaimPrefix(absl::string_view source_id) {
  std::string prefix(source_id);
  prefix.push_back('\0');
  return prefix;
}

std::string ClaimKey(absl::string_view source_id, uint32_t number) {
  std::string key = ClaimPrefix(source_id);
  AppendBigEndian32(number, &key);
  return key;
}

bool IsClaimKey(absl::string_view key) { return IsIdThenNumber(key); }

std::string ClaimsByEventPrefix(absl::string_view event_id) {
  std::string prefix(event_id);
  prefix.push_back('\0');
  return prefix;
}

std::string ClaimsByEventKey(absl::string_view event_id,
                             absl::string_view claim_key) {
  return absl::StrCat(ClaimsByEventPrefix(event_id), claim_key);
}

bool IsClaimsByEventKey(absl::string_view key) {
  const size_t nul = key.find('\0');
  if (nul == 0 || nul == absl::string_view::npos) return false;
  return IsIdThenNumber(key.substr(nul + 1));
}

std::string ImportStagingPrefix(uint64_t import_id) {
  std::string prefix;
  prefix.reserve(kImportIdBytes);
  AppendBigEndian64(import_id, &prefix);
  return prefix;
}

std::string ImportStagingKey(uint64_t import_id, absl::string_view event_id) {
  std::string key = ImportStagingPrefix(import_id);
  key.append(event_id.data(), event_id.size());
  return key;
}

std::optional<uint64_t> ImportIdOfStagingKey(absl::string_view key) {
  if (key.size() < kImportIdBytes) return std::nullopt;
  uint64_t id = 0;
  for (size_t i = 0; i < kImportIdBytes; ++i) {
    id = (id << 8) | static_cast<unsigned char>(key[i]);
  }
  return id;
}

std::string ImportCommittedKey(uint64_t import_id) {
  std::string key = kImportCommittedPrefix;
  AppendBigEndian64(import_id, &key);
  return key;
}

std::string EncodePageToken(Listing listing, absl::string_view last_key) {
  std::string raw;
  raw.reserve(1 + last_key.size());
  raw.push_back(static_cast<char>(listing));
  raw.append(last_key.data(), last_key.size());
  return absl::WebSafeBase64Escape(raw);
}

absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            Listing listing,
                                            absl::string_view prefix) {
  if (token.empty()) return std::string();
  std::string raw;
  if (!absl::WebSafeBase64Unescape(token, &raw) || raw.size() < 2 ||
      raw[0] != static_cast<char>(listing)) {
    return InvalidToken();
  }
  std::string key = raw.substr(1);
  if (!absl::StartsWith(key, prefix)) return InvalidToken();
  bool well_formed = false;
  switch (listing) {
    case Listing::kSources:
    case Listing::kEvents:
      well_formed = ValidateId("", key).ok();
      break;
    case Listing::kClaims:
      well_formed = IsClaimKey(key);
      break;
    case Listing::kClaimsByEvent:
      well_formed = IsClaimsByEventKey(key);
      break;
  }
  if (!well_formed) return InvalidToken();
  return key;
}

}  // namespace factcheck::keys
