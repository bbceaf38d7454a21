#include "server/grpc_service.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "server/request_parser.h"

namespace factcheck {
namespace {

// Checks one document per request, answering in order. The next read is
// started only after the previous response has been written, so a slow
// reader holds back a fast writer through HTTP/2 flow control.
class StreamCheckReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  StreamCheckReactor(FactCheckService* service, ActiveCalls* active)
      : service_(service), active_(active) {
    active_->Begin();
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // The client has closed its side: all answered.
      Finish(grpc::Status::OK);
      return;
    }
    v1::CheckTextRequest request;
    absl::Status parsed = ParseRequest(request_, &request);
    absl::StatusOr<v1::CheckTextResponse> result =
        parsed.ok() ? service_->CheckText(request)
                    : absl::StatusOr<v1::CheckTextResponse>(parsed);
    v1::CheckTextResponse response;
    if (result.ok()) {
      response = *std::move(result);
    } else {
      response.set_document_id(request.document_id());
      response.set_error(std::string(result.status().message()));
      response.set_error_code(static_cast<int>(result.status().code()));
    }
    SerializeResponse(response, &response_);
    StartWrite(&response_);
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED,
                          "the client stopped reading the stream"));
      return;
    }
    StartRead(&request_);
  }

  void OnDone() override {
    active_->End();
    delete this;
  }

 private:
  FactCheckService* service_;
  ActiveCalls* active_;
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
};

// Collects the streamed event file, then imports it in one write.
class ImportEventsReactor final
    : public grpc::ServerReadReactor<v1::ImportEventsRequest> {
 public:
  ImportEventsReactor(FactCheckService* service, ActiveCalls* active,
                      v1::ImportEventsResponse* response)
      : service_(service), active_(active), response_(response) {
    active_->Begin();
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      reader_.Finish();
      absl::StatusOr<v1::ImportEventsResponse> result =
          service_->ImportEvents(reader_, skip_invalid_lines_);
      if (result.ok()) *response_ = *std::move(result);
      Finish(ToGrpcStatus(result.status()));
      return;
    }
    if (first_) {
      skip_invalid_lines_ = request_.skip_invalid_lines();
      first_ = false;
    }
    bytes_ += request_.chunk().size();
    if (bytes_ > service_->limits().max_import_bytes) {
      Finish(grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat("the event file exceeds the limit of ",
                       service_->limits().max_import_bytes,
                       " bytes (--max_import_bytes); nothing was imported")));
      return;
    }
    reader_.Feed(request_.chunk());
    StartRead(&request_);
  }

  void OnDone() override {
    active_->End();
    delete this;
  }

 private:
  FactCheckService* service_;
  ActiveCalls* active_;
  v1::ImportEventsResponse* response_;
  v1::ImportEventsRequest request_;
  EventLineReader reader_;
  bool first_ = true;
  bool skip_invalid_lines_ = false;
  std::size_t bytes_ = 0;
};

// Copies a result into the response message (typed calls) or serializes
// it into the response bytes (raw calls).
template <typename T>
void SetResponse(T&& result, std::remove_cvref_t<T>* response) {
  *response = std::forward<T>(result);
}
template <typename T>
void SetResponse(const T& result, grpc::ByteBuffer* response) {
  SerializeResponse(result, response);
}
// Calls that answer google.protobuf.Empty return a plain absl::Status.
template <typename Response>
absl::Status Deliver(const absl::Status& status, Response*) {
  return status;
}
template <typename T, typename Response>
absl::Status Deliver(absl::StatusOr<T>&& result, Response* response) {
  if (result.ok()) SetResponse(*std::move(result), response);
  return result.status();
}

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

template <typename Response, typename Handler>
grpc::ServerUnaryReactor* GrpcFactCheckService::Unary(
    grpc::CallbackServerContext* context, Response* response,
    Handler handler) {
  active_.Begin();
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(Deliver(handler(), response)));
  active_.End();
  return reactor;
}

template <typename Request, typename Handler>
grpc::ServerUnaryReactor* GrpcFactCheckService::RawUnary(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response, Handler handler) {
  return Unary(context, response,
               [&]() -> decltype(handler(std::declval<const Request&>())) {
                 Request parsed;
                 if (absl::Status s = ParseRequest(*request, &parsed); !s.ok())
                   return s;
                 return handler(parsed);
               });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::CheckText(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return RawUnary<v1::CheckTextRequest>(
      context, request, response,
      [this](const v1::CheckTextRequest& r) { return service_->CheckText(r); });
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
GrpcFactCheckService::StreamCheck(grpc::CallbackServerContext*) {
  return new StreamCheckReactor(service_, &active_);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::IngestSource(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return RawUnary<v1::IngestSourceRequest>(
      context, request, response, [this](const v1::IngestSourceRequest& r) {
        return service_->IngestSource(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::GetSource(
    grpc::CallbackServerContext* context, const v1::GetSourceRequest* request,
    v1::Source* response) {
  return Unary(context, response,
               [&] { return service_->GetSource(*request); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListSources(
    grpc::CallbackServerContext* context,
    const v1::ListSourcesRequest* request,
    v1::ListSourcesResponse* response) {
  return Unary(context, response,
               [&] { return service_->ListSources(*request); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::DeleteSource(
    grpc::CallbackServerContext* context,
    const v1::DeleteSourceRequest* request, google::protobuf::Empty* response) {
  return Unary(context, response,
               [&] { return service_->DeleteSource(*request); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListClaims(
    grpc::CallbackServerContext* context, const v1::ListClaimsRequest* request,
    v1::ListClaimsResponse* response) {
  return Unary(context, response,
               [&] { return service_->ListClaims(*request); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::CreateEvent(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return RawUnary<v1::CreateEventRequest>(
      context, request, response, [this](const v1::CreateEventRequest& r) {
        return service_->CreateEvent(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::GetEvent(
    grpc::CallbackServerContext* context, const v1::GetEventRequest* request,
    v1::Event* response) {
  return Unary(context, response,
               [&] { return service_->GetEvent(*request); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::UpdateEvent(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return RawUnary<v1::UpdateEventRequest>(
      context, request, response, [this](const v1::UpdateEventRequest& r) {
        return service_->UpdateEvent(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::DeleteEvent(
    grpc::CallbackServerContext* context, const v1::DeleteEventRequest* request,
    google::protobuf::Empty* response) {
  return Unary(context, response,
               [&] { return service_->DeleteEvent(*request); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListEvents(
    grpc::CallbackServerContext* context, const v1::ListEventsRequest* request,
    v1::ListEventsResponse* response) {
  return Unary(context, response,
               [&] { return service_->ListEvents(*request); });
}

grpc::ServerReadReactor<v1::ImportEventsRequest>*
GrpcFactCheckService::ImportEvents(grpc::CallbackServerContext*,
                                   v1::ImportEventsResponse* response) {
  return new ImportEventsReactor(service_, &active_, response);
}

}  // namespace factcheck
