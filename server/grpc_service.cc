#include "server/grpc_service.h"

#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "server/request_parser.h"
#include "server/sent_text.h"
#include "server/unary_call.h"

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
    if (absl::Status ready = service_->CheckReady(); !ready.ok()) {
      Finish(ToGrpcStatus(ready));
      return;
    }
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
    if (result.ok()) response = *std::move(result);
    absl::Status status =
        result.ok() ? SerializeResponse(response, &response_) : result.status();
    if (!status.ok()) {
      // The document's own error, answered in its place: the stream goes
      // on with the next document. A request that failed to parse may hold
      // bytes that are not UTF-8 in any field, its document id included,
      // so the id is escaped (and the message made fit to send).
      response.Clear();
      response.set_document_id(EscapeInvalidUtf8(request.document_id()));
      response.set_error(SentMessage(status.message()));
      response.set_error_code(static_cast<int>(status.code()));
      if (absl::Status s = SerializeResponse(response, &response_); !s.ok()) {
        Finish(ToGrpcStatus(s));
        return;
      }
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

// Streams the event file into an EventImport as it arrives (one chunk is
// read only after the previous one is staged, so a fast client is held
// back by flow control and memory stays bounded), answers with progress a
// few times a second, and with the counts once the client has sent the
// whole file. OnReadDone and OnWriteDone may run concurrently; `mu_` guards
// what they share (whether a write is in flight, and what to do after it).
class ImportEventsReactor final
    : public grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  ImportEventsReactor(FactCheckService* service, ActiveCalls* active,
                      grpc::CallbackServerContext* context)
      : service_(service), active_(active), context_(context) {
    active_->Begin();
    if (absl::Status ready = service_->CheckReady(); !ready.ok()) {
      Finish(ToGrpcStatus(ready));
      return;
    }
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      // The client has sent everything, or gave up: a cancelled call must
      // not commit the part of the file that arrived.
      if (context_->IsCancelled()) {
        import_.reset();
        return FinishWith(grpc::Status::CANCELLED);
      }
      if (import_ == nullptr) {  // No request at all: an empty file.
        absl::StatusOr<std::unique_ptr<EventImport>> started =
            service_->StartImport(/*strict=*/false);
        if (!started.ok()) return FinishWith(ToGrpcStatus(started.status()));
        import_ = *std::move(started);
      }
      absl::StatusOr<v1::ImportEventsResponse> result =
          service_->FinishImport(*import_);
      import_.reset();
      if (!result.ok()) return FinishWith(ToGrpcStatus(result.status()));
      absl::MutexLock lock(&mu_);
      if (absl::Status s = SerializeResponse(*result, &final_); !s.ok()) {
        return FinishLocked(ToGrpcStatus(s));
      }
      if (writing_) {
        final_pending_ = true;  // OnWriteDone sends it.
      } else {
        writing_ = true;
        StartWriteAndFinish(&final_, grpc::WriteOptions(), grpc::Status::OK);
      }
      return;
    }
    v1::ImportEventsRequest request;
    if (absl::Status s = ParseRequest(request_, &request); !s.ok()) {
      import_.reset();  // Drops what was staged.
      return FinishWith(ToGrpcStatus(s));
    }
    if (import_ == nullptr) {
      absl::StatusOr<std::unique_ptr<EventImport>> started =
          service_->StartImport(request.strict());
      if (!started.ok()) return FinishWith(ToGrpcStatus(started.status()));
      import_ = *std::move(started);
    }
    bytes_ += request.chunk().size();
    if (bytes_ > service_->limits().max_import_bytes) {
      import_.reset();
      return FinishWith(grpc::Status(
          grpc::StatusCode::RESOURCE_EXHAUSTED,
          absl::StrCat("the event file exceeds the limit of ",
                       service_->limits().max_import_bytes,
                       " bytes (--max_import_bytes); nothing was imported")));
    }
    if (absl::Status s = import_->Feed(request.chunk()); !s.ok()) {
      import_.reset();  // Drops what was staged.
      return FinishWith(ToGrpcStatus(s));
    }
    MaybeSendProgress();
    StartRead(&request_);
  }

  void OnWriteDone(bool ok) override {
    absl::MutexLock lock(&mu_);
    writing_ = false;
    if (!ok) {
      // The client is gone. A call finishes only when told to, so finish
      // one that was waiting for this write; otherwise the pending read
      // fails too and OnReadDone finishes it.
      if (final_pending_ || finish_pending_.has_value()) {
        Finish(finish_pending_.value_or(grpc::Status(
            grpc::StatusCode::CANCELLED, "the client stopped reading")));
        final_pending_ = false;
        finish_pending_.reset();
      }
      return;
    }
    if (final_pending_) {
      final_pending_ = false;
      writing_ = true;
      StartWriteAndFinish(&final_, grpc::WriteOptions(), grpc::Status::OK);
    } else if (finish_pending_.has_value()) {
      Finish(*finish_pending_);
      finish_pending_.reset();
    }
  }

  void OnDone() override {
    active_->End();
    delete this;
  }

 private:
  // How often progress is sent: often enough for a smooth progress bar,
  // rarely enough to cost nothing.
  static constexpr absl::Duration kProgressInterval = absl::Milliseconds(250);

  void MaybeSendProgress() {
    const absl::Time now = absl::Now();
    if (now - last_progress_ < kProgressInterval) return;
    absl::MutexLock lock(&mu_);
    if (writing_) return;  // The next chunk will try again.
    last_progress_ = now;
    v1::ImportEventsResponse progress;
    *progress.mutable_progress() = import_->progress();
    // A few numbers and a format name: it always serializes.
    if (!SerializeResponse(progress, &progress_).ok()) return;
    writing_ = true;
    StartWrite(&progress_);
  }

  // Finishes the call, after the write in flight if there is one (a call
  // may not finish with a write outstanding).
  void FinishWith(const grpc::Status& status) {
    absl::MutexLock lock(&mu_);
    FinishLocked(status);
  }
  void FinishLocked(const grpc::Status& status)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    if (writing_) {
      finish_pending_ = status;
    } else {
      Finish(status);
    }
  }

  FactCheckService* service_;
  ActiveCalls* active_;
  grpc::CallbackServerContext* context_;
  grpc::ByteBuffer request_;
  std::unique_ptr<EventImport> import_;
  std::size_t bytes_ = 0;
  absl::Time last_progress_ = absl::Now();

  absl::Mutex mu_;
  bool writing_ ABSL_GUARDED_BY(mu_) = false;
  bool final_pending_ ABSL_GUARDED_BY(mu_) = false;
  std::optional<grpc::Status> finish_pending_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer progress_ ABSL_GUARDED_BY(mu_);
  grpc::ByteBuffer final_ ABSL_GUARDED_BY(mu_);
};

}  // namespace

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      SentMessage(status.message()));
}

template <typename Request, typename Handler>
grpc::ServerUnaryReactor* GrpcFactCheckService::Unary(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response, Handler handler) {
  return ServeUnary<Request>(context, active_, service_->CheckReady(), *request,
                             response, handler);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::CheckText(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::CheckTextRequest>(
      context, request, response,
      [this](const v1::CheckTextRequest& r) { return service_->CheckText(r); });
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
GrpcFactCheckService::StreamCheck(grpc::CallbackServerContext*) {
  return new StreamCheckReactor(service_, &active_);
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ExtractTimex(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::ExtractTimexRequest>(
      context, request, response, [this](const v1::ExtractTimexRequest& r) {
        return service_->ExtractTimex(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::IngestSource(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::IngestSourceRequest>(
      context, request, response, [this](const v1::IngestSourceRequest& r) {
        return service_->IngestSource(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::GetSource(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::GetSourceRequest>(
      context, request, response,
      [this](const v1::GetSourceRequest& r) { return service_->GetSource(r); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListSources(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::ListSourcesRequest>(context, request, response,
                                       [this](const v1::ListSourcesRequest& r) {
                                         return service_->ListSources(r);
                                       });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::DeleteSource(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::DeleteSourceRequest>(
      context, request, response, [this](const v1::DeleteSourceRequest& r) {
        return service_->DeleteSource(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListClaims(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::ListClaimsRequest>(context, request, response,
                                      [this](const v1::ListClaimsRequest& r) {
                                        return service_->ListClaims(r);
                                      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListConflicts(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::ListConflictsRequest>(
      context, request, response, [this](const v1::ListConflictsRequest& r) {
        return service_->ListConflicts(r);
      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::CreateEvent(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::CreateEventRequest>(context, request, response,
                                       [this](const v1::CreateEventRequest& r) {
                                         return service_->CreateEvent(r);
                                       });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::GetEvent(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::GetEventRequest>(
      context, request, response,
      [this](const v1::GetEventRequest& r) { return service_->GetEvent(r); });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::UpdateEvent(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::UpdateEventRequest>(context, request, response,
                                       [this](const v1::UpdateEventRequest& r) {
                                         return service_->UpdateEvent(r);
                                       });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::DeleteEvent(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::DeleteEventRequest>(context, request, response,
                                       [this](const v1::DeleteEventRequest& r) {
                                         return service_->DeleteEvent(r);
                                       });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::ListEvents(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::ListEventsRequest>(context, request, response,
                                      [this](const v1::ListEventsRequest& r) {
                                        return service_->ListEvents(r);
                                      });
}

grpc::ServerUnaryReactor* GrpcFactCheckService::SearchEvents(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return Unary<v1::SearchEventsRequest>(
      context, request, response, [this](const v1::SearchEventsRequest& r) {
        return service_->SearchEvents(r);
      });
}

grpc::ServerBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer>*
GrpcFactCheckService::ImportEvents(grpc::CallbackServerContext* context) {
  return new ImportEventsReactor(service_, &active_, context);
}

}  // namespace factcheck
