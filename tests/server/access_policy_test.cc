// The role table and the decision made on each call's metadata.
#include "server/access_policy.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "factcheck/v1/admin_service.grpc.pb.h"
#include "factcheck/v1/fact_check_service.grpc.pb.h"
#include "google/protobuf/descriptor.h"
#include "gtest/gtest.h"
#include "server/call_authorizer.h"
#include "server/token_table.h"

namespace factcheck {
namespace {

std::string Method(absl::string_view name) {
  return absl::StrCat("/factcheck.v1.FactCheck/", name);
}

TEST(AccessPolicyTest, EveryMethodOfTheServiceHasARole) {
  // A new RPC is refused to everyone until it is given a role here; this
  // test names it.
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          "factcheck.v1.FactCheck");
  ASSERT_NE(service, nullptr);
  ASSERT_GT(service->method_count(), 0);
  for (int i = 0; i < service->method_count(); ++i) {
    EXPECT_TRUE(MinimumRole(Method(service->method(i)->name())).has_value())
        << service->method(i)->name() << " has no role in access_policy.cc";
  }
}

TEST(AccessPolicyTest, EveryMethodOfTheAdminServiceIsTheAdmins) {
  // Named through the generated code, so that it is linked in.
  const google::protobuf::ServiceDescriptor* service =
      v1::BackupDatabaseRequest::descriptor()->file()->FindServiceByName(
          "Admin");
  ASSERT_NE(service, nullptr);
  ASSERT_GT(service->method_count(), 0);
  for (int i = 0; i < service->method_count(); ++i) {
    EXPECT_EQ(MinimumRole(absl::StrCat("/factcheck.v1.Admin/",
                                       service->method(i)->name())),
              Role::kAdmin)
        << service->method(i)->name();
  }
  EXPECT_EQ(Authorize("/factcheck.v1.Admin/BackupDatabase", Role::kIngester)
                .message(),
            "BackupDatabase needs the admin role or higher; this token has the "
            "ingester role");
}

TEST(AccessPolicyTest, ReadersCheckAndRead) {
  for (const char* name :
       {"CheckText", "StreamCheck", "ExtractTimex", "GetSource", "ListSources",
        "ListClaims", "ListConflicts", "GetEvent", "ListEvents",
        "SearchEvents"}) {
    EXPECT_EQ(MinimumRole(Method(name)), Role::kReader) << name;
  }
}

TEST(AccessPolicyTest, IngestersAddAndRemoveSources) {
  EXPECT_EQ(MinimumRole(Method("IngestSource")), Role::kIngester);
  EXPECT_EQ(MinimumRole(Method("DeleteSource")), Role::kIngester);
}

TEST(AccessPolicyTest, OnlyAdminsChangeReferenceEvents) {
  for (const char* name :
       {"CreateEvent", "UpdateEvent", "DeleteEvent", "ImportEvents"}) {
    EXPECT_EQ(MinimumRole(Method(name)), Role::kAdmin) << name;
  }
}

TEST(AccessPolicyTest, HigherRolesMayDoWhatLowerOnesMay) {
  EXPECT_TRUE(Authorize(Method("CheckText"), Role::kIngester).ok());
  EXPECT_TRUE(Authorize(Method("CheckText"), Role::kAdmin).ok());
  EXPECT_TRUE(Authorize(Method("IngestSource"), Role::kAdmin).ok());
}

TEST(AccessPolicyTest, TooSmallARoleIsDeniedWithTheRoleNeeded) {
  const absl::Status s = Authorize(Method("IngestSource"), Role::kReader);
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(s.message(),
            "IngestSource needs the ingester role or higher; this token has "
            "the reader role");
  EXPECT_EQ(Authorize(Method("ImportEvents"), Role::kIngester).code(),
            absl::StatusCode::kPermissionDenied);
}

TEST(AccessPolicyTest, UnknownMethodsAreDeniedToEveryRole) {
  EXPECT_EQ(MinimumRole(Method("DropEverything")), std::nullopt);
  EXPECT_EQ(MinimumRole("/other.v1.Service/CheckText"), std::nullopt);
  const absl::Status s = Authorize(Method("DropEverything"), Role::kAdmin);
  EXPECT_EQ(s.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(s.message(),
            "/factcheck.v1.FactCheck/DropEverything is not in the server's "
            "access policy");
}

TEST(AccessPolicyTest, HealthAndReflectionAreOpen) {
  EXPECT_TRUE(IsOpenMethod("/grpc.health.v1.Health/Check"));
  EXPECT_TRUE(IsOpenMethod("/grpc.health.v1.Health/Watch"));
  EXPECT_TRUE(IsOpenMethod(
      "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo"));
  EXPECT_FALSE(IsOpenMethod(Method("CheckText")));
  EXPECT_FALSE(IsOpenMethod("/grpc.health.v1.HealthX/Check"));
}

TEST(AccessPolicyTest, RoleNamesRoundTrip) {
  for (Role role : {Role::kReader, Role::kIngester, Role::kAdmin}) {
    EXPECT_EQ(ParseRole(RoleName(role)), role);
  }
  EXPECT_EQ(ParseRole("root"), std::nullopt);
  EXPECT_EQ(ParseRole("Admin"), std::nullopt);
}

constexpr absl::string_view kReaderToken = "reader-token-0123456789";
constexpr absl::string_view kAdminToken = "admin-token-0123456789ab";

CallAuthorizer MakeAuthorizer() {
  absl::StatusOr<TokenTable> tokens = TokenTable::Parse(
      absl::StrCat("reader ", kReaderToken, "\nadmin ", kAdminToken, "\n"),
      "test");
  EXPECT_TRUE(tokens.ok()) << tokens.status();
  return CallAuthorizer(*std::move(tokens));
}

TEST(CallAuthorizerTest, CallWithoutTokenIsUnauthenticated) {
  const absl::Status s = MakeAuthorizer().Check(Method("ListSources"), {});
  EXPECT_EQ(s.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(s.message(),
            "this server needs a bearer token: send 'authorization: Bearer "
            "TOKEN' metadata (the CLI's --token or $FACTCHECK_TOKEN)");
}

TEST(CallAuthorizerTest, UnknownTokenIsUnauthenticated) {
  const absl::Status s = MakeAuthorizer().Check(
      Method("ListSources"), "Bearer reader-token-0123456780");
  EXPECT_EQ(s.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(s.message(), "the bearer token is not one this server accepts");
}

TEST(CallAuthorizerTest, OtherSchemesAreUnauthenticated) {
  const CallAuthorizer authorizer = MakeAuthorizer();
  EXPECT_EQ(authorizer.Check(Method("ListSources"), kReaderToken).code(),
            absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(
      authorizer
          .Check(Method("ListSources"), absl::StrCat("Basic ", kReaderToken))
          .code(),
      absl::StatusCode::kUnauthenticated);
}

TEST(CallAuthorizerTest, KnownTokenGetsItsRole) {
  const CallAuthorizer authorizer = MakeAuthorizer();
  const std::string reader = absl::StrCat("Bearer ", kReaderToken);
  EXPECT_TRUE(authorizer.Check(Method("ListSources"), reader).ok());
  // The scheme's case does not matter (RFC 6750).
  EXPECT_TRUE(
      authorizer
          .Check(Method("ListSources"), absl::StrCat("bearer ", kReaderToken))
          .ok());
  EXPECT_EQ(authorizer.Check(Method("DeleteEvent"), reader).code(),
            absl::StatusCode::kPermissionDenied);
  EXPECT_TRUE(
      authorizer
          .Check(Method("DeleteEvent"), absl::StrCat("Bearer ", kAdminToken))
          .ok());
}

TEST(CallAuthorizerTest, BearerIsParsedStrictly) {
  const CallAuthorizer authorizer = MakeAuthorizer();
  for (const std::string& authorization :
       {absl::StrCat("Bearer  ", kReaderToken),
        absl::StrCat("Bearer ", kReaderToken, " "),
        absl::StrCat("Bearer\t", kReaderToken),
        absl::StrCat("Bearer ", kReaderToken, "\t"),
        absl::StrCat(" Bearer ", kReaderToken), std::string("Bearer "),
        std::string("Bearer")}) {
    const absl::Status s =
        authorizer.Check(Method("ListSources"), authorization);
    EXPECT_EQ(s.code(), absl::StatusCode::kUnauthenticated) << authorization;
    EXPECT_EQ(s.message(), "the authorization metadata is not 'Bearer TOKEN'")
        << authorization;
  }
}

TEST(CallAuthorizerTest, HealthChecksNeedNoToken) {
  EXPECT_TRUE(MakeAuthorizer().Check("/grpc.health.v1.Health/Check", {}).ok());
}

}  // namespace
}  // namespace factcheck
