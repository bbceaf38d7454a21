// Parses serialized requests at the gRPC edge, for every method. gRPC's
// own parser answers a proto3 string that is not valid UTF-8, or bytes that
// are no message, with a bare UNIMPLEMENTED; newsroom text from a CMS can be
// exactly that, and so can anything a hostile client sends, so the methods
// read raw bytes and say what is wrong.
#ifndef FACTCHECK_SERVER_REQUEST_PARSER_H_
#define FACTCHECK_SERVER_REQUEST_PARSER_H_

#include "absl/status/status.h"
#include "google/protobuf/message.h"
#include "grpcpp/support/byte_buffer.h"

namespace factcheck {

// Parses `buffer` into `message`. On failure returns InvalidArgument naming
// the first string field that is not valid UTF-8 and the offset of the bad
// byte ("source.text is not valid UTF-8: bad byte 0xff at byte offset 3"),
// or saying that the request is not a valid message of its type.
absl::Status ParseRequest(const grpc::ByteBuffer& buffer,
                          google::protobuf::Message* message);

// Drops the line protobuf logs for each string field that is not valid
// UTF-8 met while parsing: ParseRequest answers the caller with a better
// message, naming the field. Other log lines pass through to the handler
// that was installed. Call once at start-up, before any request is parsed
// (protobuf's SetLogHandler is not thread-safe). This replaces a
// LogSilencer around each parse, which takes a process-wide mutex twice on
// every request's path.
void DropProtobufUtf8ParseErrors();

// Serializes `message` into `buffer`; Internal, with `buffer` empty, when
// it cannot be (a message over protobuf's 2 GB), so that a failed answer
// is never sent, or logged, as an empty OK one.
absl::Status SerializeResponse(const google::protobuf::Message& message,
                               grpc::ByteBuffer* buffer);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_REQUEST_PARSER_H_
