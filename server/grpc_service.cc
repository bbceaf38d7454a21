#include "server/grpc_service.h"

#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace factcheck {
namespace {

template <typename T>
grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context,
                                absl::StatusOr<T> result, T* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (result.ok()) *response = *std::move(result);
  reactor->Finish(ToGrpcStatus(result.status()));
  return reactor;
}

grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context,
                                const absl::Status& status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(ToGrpcStatus(status));
  return reactor;
}

// Checks one document per request, answering in order. The next read is
// started only after the previous response has been written, so a slow
// reader holds back a fast writer through HTTP/2 flow control.
class StreamCheckReactor final
    : public grpc::ServerBidiReactor<v1::CheckTextRequest,
                                     v1::CheckTextResponse> {
 public:
  explicit StreamCheckReactor(FactCheckService* service) : service_(service) {
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // The client has closed its side: all answered.
      Finish(grpc::Status::OK);
      return;
    }
    absl::StatusOr<v1::CheckTextResponse> result = service_->CheckText(request_);
    if (result.ok()) {
      response_ = *std::move(result);
    } else {
      response_.Clear();
      response_.set_document_id(request_.document_id());
      response_.set_error(std::string(result.status().message()));
      response_.set_error_code(static_cast<int>(result.status().code()));
    }
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

  void OnDone() override { delete this; }

 private:
  FactCheckService* service_;
  v1::CheckTextRequest request_;
  v1::CheckTextResponse response_;
};

// Collects the streamed event file, then imports it in one write.
class ImportEventsReactor final
    : public grpc::ServerReadReactor<v1::ImportEventsRequest> {
 public:
  ImportEventsReactor(FactCheckService* service,
                      v1::ImportEventsResponse* response)
      : service_(service), response_(response) {
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

  void OnDone() override { delete this; }

 private:
  FactCheckService* service_;
  v1::ImportEventsResponse* response_;
  v1::ImportEventsRequest request_;
  EventLineReader reader_;
  bool first_ = true;
  bool skip_invalid_lines_ = false;
  std::size_t bytes_ = 0;
};

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

grpc::ServerUnaryReactor* GrpcFactCheckService::CheckText(
    grpc::CallbackServerContext* context, const v1::CheckTextRequest* request,
    v1::CheckTextResponse* response) {
  return Reply(context, service_->CheckText(*request), response);
}

grpc::ServerBidiReactor<v1::CheckTextRequest, v1::CheckTextResponse>*
GrpcFactCheckService::StreamCheck(grpc::CallbackServerContext*) {
  return new StreamCheckReactor(service_);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::IngestSource(
    grpc::CallbackServerContext* context,
    const v1::IngestSourceRequest* request,
    v1::IngestSourceResponse* response) {
  return Reply(context, service_->IngestSource(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::GetSource(
    grpc::CallbackServerContext* context, const v1::GetSourceRequest* request,
    v1::Source* response) {
  return Reply(context, service_->GetSource(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListSources(
    grpc::CallbackServerContext* context,
    const v1::ListSourcesRequest* request,
    v1::ListSourcesResponse* response) {
  return Reply(context, service_->ListSources(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::DeleteSource(
    grpc::CallbackServerContext* context,
    const v1::DeleteSourceRequest* request, google::protobuf::Empty*) {
  return Reply(context, service_->DeleteSource(*request));
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListClaims(
    grpc::CallbackServerContext* context, const v1::ListClaimsRequest* request,
    v1::ListClaimsResponse* response) {
  return Reply(context, service_->ListClaims(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::CreateEvent(
    grpc::CallbackServerContext* context, const v1::CreateEventRequest* request,
    v1::Event* response) {
  return Reply(context, service_->CreateEvent(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::GetEvent(
    grpc::CallbackServerContext* context, const v1::GetEventRequest* request,
    v1::Event* response) {
  return Reply(context, service_->GetEvent(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::UpdateEvent(
    grpc::CallbackServerContext* context, const v1::UpdateEventRequest* request,
    v1::Event* response) {
  return Reply(context, service_->UpdateEvent(*request), response);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::DeleteEvent(
    grpc::CallbackServerContext* context, const v1::DeleteEventRequest* request,
    google::protobuf::Empty*) {
  return Reply(context, service_->DeleteEvent(*request));
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListEvents(
    grpc::CallbackServerContext* context, const v1::ListEventsRequest* request,
    v1::ListEventsResponse* response) {
  return Reply(context, service_->ListEvents(*request), response);
}

grpc::ServerReadReactor<v1::ImportEventsRequest>*
GrpcFactCheckService::ImportEvents(grpc::CallbackServerContext*,
                                   v1::ImportEventsResponse* response) {
  return new ImportEventsReactor(service_, response);
}

}  // namespace factcheck
