// libFuzzer target for the request handlers: the first byte chooses a
// method, the rest is the serialized request as it comes off the wire,
// parsed the way the gRPC edge parses every method's (ParseRequest, which
// names bad UTF-8). Each request then runs against a real FactCheckService over a real
// RocksDB store that persists across inputs, so that one input's writes
// meet the next one's reads. Besides the sanitizers' checks, every answer
// must be OK or a client error: Internal, DataLoss or Unknown would say
// that bad input broke the server or its data; and an OK answer's size
// must stay within a fixed multiple of its request's.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_input.h"
#include "fuzz/service_fixture.h"
#include "grpcpp/support/byte_buffer.h"
#include "grpcpp/support/slice.h"
#include "server/request_parser.h"

namespace factcheck::fuzz {
namespace {

// What an answer may hold per byte of its request, besides what the
// reference contributes (see TextBytes) and a fixed part. An answer that
// grows faster than its text (a copy of a long sentence in each of its
// many findings did) fails the run.
constexpr std::size_t kResponseBytesPerRequestByte = 64;
constexpr std::size_t kResponseFixedBytes = 4096;

// The bytes of an answer that the text accounts for: its findings without
// what they copy from the reference event (citations, title, the
// explanation that names it, the ClaimReviews built of them) or from other
// stored sources, whose size depends on what is stored, not on the
// request.
template <typename Response>
std::size_t TextBytes(Response response) {
  if constexpr (requires { response.mutable_findings(); }) {
    for (v1::Finding& f : *response.mutable_findings()) {
      f.clear_citations();
      f.clear_explanation();
      f.mutable_claim()->clear_event_title();
      // ACROSS_SOURCES: the other stored sources that disagree.
      f.clear_related_sources();
    }
  }
  if constexpr (requires { response.clear_claim_reviews(); }) {
    response.clear_claim_reviews();
  }
  return response.ByteSizeLong();
}

absl::Status StatusOf(const absl::Status& status) { return status; }
template <typename T>
absl::Status StatusOf(const absl::StatusOr<T>& result) {
  return result.status();
}

// Any method: `bytes` parsed as the gRPC edge's ParseRequest does,
// which names bad UTF-8.
template <typename Request, typename Handler>
absl::Status Raw(absl::string_view bytes, Handler handler) {
  grpc::Slice slice(bytes.data(), bytes.size());
  const grpc::ByteBuffer buffer(&slice, 1);
  Request request;
  if (absl::Status s = ParseRequest(buffer, &request); !s.ok()) return s;
  return StatusOf(handler(request));
}

// A method that reads a text and answers about it (CheckText, IngestSource,
// ExtractTimex): as Raw, and an OK answer's TextBytes stay within the
// fixed multiple of the request's bytes.
template <typename Request, typename Handler>
absl::Status TextIn(absl::string_view bytes, Handler handler) {
  return Raw<Request>(bytes, [&](const Request& request) {
    auto result = handler(request);
    if (result.ok()) {
      FACTCHECK_FUZZ_CHECK(TextBytes(*result) <=
                           kResponseBytesPerRequestByte * bytes.size() +
                               kResponseFixedBytes);
    }
    return result;
  });
}

absl::Status Run(std::uint8_t method, absl::string_view bytes) {
  FactCheckService& s = Service();
  switch (method % 14) {
    case 0:
      return TextIn<v1::CheckTextRequest>(
          bytes, [&](const auto& r) { return s.CheckText(r); });
    case 1:
      return TextIn<v1::IngestSourceRequest>(
          bytes, [&](const auto& r) { return s.IngestSource(r); });
    case 2:
      return TextIn<v1::ExtractTimexRequest>(
          bytes, [&](const auto& r) { return s.ExtractTimex(r); });
    case 3:
      return Raw<v1::CreateEventRequest>(
          bytes, [&](const auto& r) { return s.CreateEvent(r); });
    case 4:
      return Raw<v1::UpdateEventRequest>(
          bytes, [&](const auto& r) { return s.UpdateEvent(r); });
    case 5:
      return Raw<v1::SearchEventsRequest>(
          bytes, [&](const auto& r) { return s.SearchEvents(r); });
    case 6:
      return Raw<v1::ListSourcesRequest>(
          bytes, [&](const auto& r) { return s.ListSources(r); });
    case 7:
      return Raw<v1::ListClaimsRequest>(
          bytes, [&](const auto& r) { return s.ListClaims(r); });
    case 8:
      return Raw<v1::ListConflictsRequest>(
          bytes, [&](const auto& r) { return s.ListConflicts(r); });
    case 9:
      return Raw<v1::GetSourceRequest>(
          bytes, [&](const auto& r) { return s.GetSource(r); });
    case 10:
      return Raw<v1::DeleteSourceRequest>(
          bytes, [&](const auto& r) { return s.DeleteSource(r); });
    case 11:
      return Raw<v1::ListEventsRequest>(
          bytes, [&](const auto& r) { return s.ListEvents(r); });
    case 12:
      return Raw<v1::GetEventRequest>(
          bytes, [&](const auto& r) { return s.GetEvent(r); });
    default:
      return Raw<v1::DeleteEventRequest>(
          bytes, [&](const auto& r) { return s.DeleteEvent(r); });
  }
}

}  // namespace
}  // namespace factcheck::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  if (size < 1) return 0;
  const absl::Status status = factcheck::fuzz::Run(
      data[0],
      absl::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
  FACTCHECK_FUZZ_CHECK(factcheck::fuzz::IsClientError(status));
  return 0;
}
