// Text the server sends back: every string it writes into an answer or a
// status message passes through one of these, so that it is valid UTF-8
// and of bounded size whatever the request held.
//
// Why: a proto3 string field that is not valid UTF-8 makes standard
// clients (protobuf's own parsers, in every language) refuse the whole
// message, so a bad byte copied from a request into an answer loses the
// answer; and gRPC sends a status message in a response header, where
// 8 KiB is all a client accepts for all of its headers by default, so a
// long value quoted in an error message turns the error into the client's
// own RESOURCE_EXHAUSTED about metadata.
#ifndef FACTCHECK_SERVER_SENT_TEXT_H_
#define FACTCHECK_SERVER_SENT_TEXT_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace factcheck {

// `bytes` as valid UTF-8 (ValidateUtf8's definition): each byte that does
// not begin a well-formed sequence is written as the four characters
// \xNN, the rest is kept as it is. Returns `bytes` unchanged when it is
// valid already, which is the common case and costs one pass.
std::string EscapeInvalidUtf8(absl::string_view bytes);

// The most bytes of a request's value that an error message quotes.
inline constexpr std::size_t kMaxQuotedBytes = 64;

// A value taken from a request, in quotes, for an error message to name:
// 'value', escaped as EscapeInvalidUtf8 does; when the value is longer than
// kMaxQuotedBytes, only its first bytes (at most that many, never cut
// inside a character), "…" and its size: 'aaaa…' (100000 bytes). Every
// error message that quotes what the caller sent uses this, but for the
// paths of BackupDatabase, which are quoted whole (an operator needs all of
// a path, and they are bounded by PATH_MAX before they are quoted).
std::string Quoted(absl::string_view value);

// The longest status message, or `error` of a StreamCheck document or an
// ImportEvents bad line, the server sends. Even escaped (gRPC
// percent-encodes bytes outside ASCII, three characters each) it stays far
// below the 8 KiB header limit.
inline constexpr std::size_t kMaxSentMessageBytes = 1024;

// `message` as the server sends it: escaped as EscapeInvalidUtf8 does, and
// when longer than kMaxSentMessageBytes, its beginning and its end with
// the middle replaced by " … (N bytes cut) … ", so that both what the
// message is about and the explanation that usually ends it survive. The
// last guard, applied to every status (ToGrpcStatus): messages built by
// the engine or the store may quote a value whole.
std::string SentMessage(absl::string_view message);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_SENT_TEXT_H_
