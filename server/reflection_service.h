// Server reflection, both versions: grpc.reflection.v1.ServerReflection and
// grpc.reflection.v1alpha.ServerReflection (gRPC 1.51 and the tools of its
// time speak v1alpha; newer clients try v1 first). The two are the same
// messages in another package, so one handler serves both, reading each
// request as v1 (see server/reflection.h for the answers). It replaces
// grpc++_reflection's plugin, which serves v1alpha alone.
#ifndef FACTCHECK_SERVER_REFLECTION_SERVICE_H_
#define FACTCHECK_SERVER_REFLECTION_SERVICE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "grpcpp/server_builder.h"

namespace factcheck {

class ReflectionService {
 public:
  // Reflection over `services`, the full names of the server's other
  // services (the two reflection services are added to the list). Fails
  // with Internal when a name has no descriptor in the generated pool: a
  // client could list it but not call it.
  static absl::StatusOr<std::unique_ptr<ReflectionService>> Create(
      std::vector<std::string> services);
  ~ReflectionService();

  // Registers both versions on `builder`; this must outlive the server.
  void RegisterOn(grpc::ServerBuilder& builder);

  // What list_services answers.
  const std::vector<std::string>& services() const { return services_; }

 private:
  explicit ReflectionService(std::vector<std::string> services);

  std::vector<std::string> services_;
  std::unique_ptr<grpc::Service> v1_;
  std::unique_ptr<grpc::Service> v1alpha_;
};

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_REFLECTION_SERVICE_H_
