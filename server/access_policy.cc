#include "server/access_policy.h"

#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

namespace factcheck {
namespace {

constexpr absl::string_view kFactCheckService = "/factcheck.v1.FactCheck/";
constexpr absl::string_view kAdminService = "/factcheck.v1.Admin/";

// The role table, by method of factcheck.v1.FactCheck. Reading and checking
// change nothing stored; sources are the ingesters' to add and remove; the
// reference events decide every verdict, so only admins may change them.
const absl::flat_hash_map<absl::string_view, Role>& FactCheckRoles() {
  static const auto* const roles =
      new absl::flat_hash_map<absl::string_view, Role>{
          {"CheckText", Role::kReader},      {"StreamCheck", Role::kReader},
          {"ExtractTimex", Role::kReader},   {"GetSource", Role::kReader},
          {"ListSources", Role::kReader},    {"ListClaims", Role::kReader},
          {"ListConflicts", Role::kReader},  {"GetEvent", Role::kReader},
          {"ListEvents", Role::kReader},     {"SearchEvents", Role::kReader},
          {"IngestSource", Role::kIngester}, {"DeleteSource", Role::kIngester},
          {"CreateEvent", Role::kAdmin},     {"UpdateEvent", Role::kAdmin},
          {"DeleteEvent", Role::kAdmin},     {"ImportEvents", Role::kAdmin},
      };
  return *roles;
}

}  // namespace

absl::string_view RoleName(Role role) {
  switch (role) {
    case Role::kReader:
      return "reader";
    case Role::kIngester:
      return "ingester";
    case Role::kAdmin:
      return "admin";
  }
  return "unknown";
}

std::optional<Role> ParseRole(absl::string_view name) {
  for (Role role : {Role::kReader, Role::kIngester, Role::kAdmin}) {
    if (name == RoleName(role)) return role;
  }
  return std::nullopt;
}

bool IsOpenMethod(absl::string_view method) {
  // Reflection is served as v1 and v1alpha (server/reflection_service.h).
  return absl::StartsWith(method, "/grpc.health.v1.Health/") ||
         absl::StartsWith(method,
                          "/grpc.reflection.v1alpha.ServerReflection/") ||
         absl::StartsWith(method, "/grpc.reflection.v1.ServerReflection/");
}

std::optional<Role> MinimumRole(absl::string_view method) {
  // Every method of factcheck.v1.Admin (BackupDatabase) is the admins'.
  if (absl::StartsWith(method, kAdminService)) return Role::kAdmin;
  if (!absl::ConsumePrefix(&method, kFactCheckService)) return std::nullopt;
  const auto& roles = FactCheckRoles();
  const auto it = roles.find(method);
  if (it == roles.end()) return std::nullopt;
  return it->second;
}

absl::Status Authorize(absl::string_view method, Role role) {
  if (IsOpenMethod(method)) return absl::OkStatus();
  const std::optional<Role> needed = MinimumRole(method);
  if (!needed.has_value()) {
    return absl::PermissionDeniedError(
        absl::StrCat(method, " is not in the server's access policy"));
  }
  if (role >= *needed) return absl::OkStatus();
  absl::string_view name = method;
  if (!absl::ConsumePrefix(&name, kFactCheckService)) {
    absl::ConsumePrefix(&name, kAdminService);
  }
  return absl::PermissionDeniedError(absl::StrCat(
      name, " needs the ", RoleName(*needed),
      " role or higher; this token has the ", RoleName(role), " role"));
}

}  // namespace factcheck
