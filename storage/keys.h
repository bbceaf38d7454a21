// Key layout of the RocksDB store. Internal to storage/: callers use
// store.h, which speaks in records, never in keys.
//
// Column family      Key                                         Value
// default            "schema_version" | "reference_loaded"       text
// sources            source id                                   v1::Source
// claims             source id \0 claim number (4 bytes BE)      v1::Finding
// events             event id                                    v1::Event
// claims_by_event    event id \0 source id \0 claim number (BE)  empty
// import_staging     import id (8 bytes BE) event id              v1::Event
// default            "next_import_id"                             decimal
// default            "import_committed/" import id (8 bytes BE)   empty
//
// An import stages its events under its own id, so that concurrent imports
// never see each other's, and one prefix range drops or moves all of them.
//
// Ids never contain '\0' (ValidateId refuses them), so '\0' ends an id
// unambiguously: the prefix "a\0" can never match the claims of source
// "ab". Because '\0' is the smallest byte, iterating a column family in key
// order gives ids in byte order and, within an id, claims in numeric order
// (the claim number is big-endian).
#ifndef FACTCHECK_STORAGE_KEYS_H_
#define FACTCHECK_STORAGE_KEYS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace factcheck::keys {

// Column family names. "default" is RocksDB's own and always exists.
inline constexpr char kSourcesFamily[] = "sources";
inline constexpr char kClaimsFamily[] = "claims";
inline constexpr char kEventsFamily[] = "events";
inline constexpr char kClaimsByEventFamily[] = "claims_by_event";
inline constexpr char kImportStagingFamily[] = "import_staging";

// Keys in the default column family.
inline constexpr char kSchemaVersionKey[] = "schema_version";
inline constexpr char kReferenceLoadedKey[] = "reference_loaded";
inline constexpr char kNextImportIdKey[] = "next_import_id";
inline constexpr char kImportCommittedPrefix[] = "import_committed/";

// Resource name prefixes (AIP-122 style names).
inline constexpr char kSourceNamePrefix[] = "sources/";
inline constexpr char kEventNamePrefix[] = "events/";

// OK when `id` can be used in a key: non-empty and without '\0'. `kind`
// ("source", "event") names the id in the error message.
absl::Status ValidateId(absl::string_view kind, absl::string_view id);

// The id in a resource name "{prefix}{id}", or nullopt when `name` does not
// start with `prefix` or the id is empty. The id is not validated.
std::optional<absl::string_view> IdFromName(absl::string_view name,
                                            absl::string_view prefix);

// "sources/{id}/claims/{number}".
std::string ClaimName(absl::string_view source_id, uint32_t number);

// All claims of one source share this prefix: the source id and '\0'.
std::string ClaimPrefix(absl::string_view source_id);
// The key of claim `number` of a source.
std::string ClaimKey(absl::string_view source_id, uint32_t number);
// True when `key` has the shape of a ClaimKey.
bool IsClaimKey(absl::string_view key);

// All index entries of one event share this prefix: the event id and '\0'.
std::string ClaimsByEventPrefix(absl::string_view event_id);
// The index entry of a claim (`claim_key` as made by ClaimKey) that is about
// event `event_id`: the event prefix followed by the claim key, so that the
// claim key is recovered by dropping the prefix.
std::string ClaimsByEventKey(absl::string_view event_id,
                             absl::string_view claim_key);
// True when `key` has the shape of a ClaimsByEventKey.
bool IsClaimsByEventKey(absl::string_view key);

// All events staged by import `import_id` share this prefix: the id in 8
// big-endian bytes, so that imports occupy disjoint, ordered key ranges.
std::string ImportStagingPrefix(uint64_t import_id);
// The staging key of event `event_id` in import `import_id`.
std::string ImportStagingKey(uint64_t import_id, absl::string_view event_id);
// The import id of a staging key; nullopt when `key` is too short to be one.
std::optional<uint64_t> ImportIdOfStagingKey(absl::string_view key);
// The default-family key that marks import `import_id` as committed.
std::string ImportCommittedKey(uint64_t import_id);

// Page tokens are opaque to clients: a web-safe base64 encoding of a tag
// byte naming the listing (so that a token from one listing is not accepted
// by another) followed by the last key returned. The next page starts just
// after that key, so pages stay correct when records are added or removed
// between calls.
enum class Listing : char {
  kSources = 's',
  kEvents = 'e',
  kClaims = 'c',
  kClaimsByEvent = 'i',
};
std::string EncodePageToken(Listing listing, absl::string_view last_key);
// The key in `token`, or "" for an empty token (the first page).
// InvalidArgument("page_token is not valid") when the token was not made by
// EncodePageToken for `listing`, or its key does not start with `prefix`
// (the caller changed the query between pages).
absl::StatusOr<std::string> DecodePageToken(absl::string_view token,
                                            Listing listing,
                                            absl::string_view prefix);

}  // namespace factcheck::keys

#endif  // FACTCHECK_STORAGE_KEYS_H_
