// Who may call what: the one table of the roles each RPC requires.
//
// Callers are identified by bearer tokens (token_table.h), each held by one
// role. Roles are ordered; each may do what the ones below it may:
//   reader    checks texts and reads sources, claims, conflicts and events
//   ingester  + stores and deletes sources (IngestSource, DeleteSource)
//   admin     + changes the reference events (Create/Update/DeleteEvent,
//               ImportEvents) and any administrative RPC
// A method missing from the table is refused to every role, so that a new
// RPC is closed until someone decides who may call it.
#ifndef FACTCHECK_SERVER_ACCESS_POLICY_H_
#define FACTCHECK_SERVER_ACCESS_POLICY_H_

#include <optional>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace factcheck {

enum class Role { kReader = 1, kIngester = 2, kAdmin = 3 };

// "reader", "ingester", "admin".
absl::string_view RoleName(Role role);
// The role named `name` (as RoleName spells it), or nullopt.
std::optional<Role> ParseRole(absl::string_view name);

// True for the methods that every caller may use without a token: gRPC's
// health checks and server reflection, which load balancers and tools call
// without credentials and which reveal nothing of the stored data.
bool IsOpenMethod(absl::string_view method);

// The least role that may call `method`, a full gRPC method name
// ("/factcheck.v1.FactCheck/IngestSource"); nullopt for a method that is
// not in the table, which no role may call.
std::optional<Role> MinimumRole(absl::string_view method);

// OK when a caller holding `role` may call `method`; otherwise
// PERMISSION_DENIED naming the method and the role it needs. Open methods
// are allowed to every role.
absl::Status Authorize(absl::string_view method, Role role);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_ACCESS_POLICY_H_
