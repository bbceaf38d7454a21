// The CLI's security flags (--token, --tls_ca, --tls_cert, --tls_key,
// --tls_server_name), kept apart from main.cc's.
#ifndef FACTCHECK_CLIENT_SECURITY_FLAGS_H_
#define FACTCHECK_CLIENT_SECURITY_FLAGS_H_

#include "client/channel_security.h"

namespace factcheck::client {

// What the flags say; the token comes from --token, else $FACTCHECK_TOKEN.
ChannelSecurity ChannelSecurityFromFlags();

}  // namespace factcheck::client

#endif  // FACTCHECK_CLIENT_SECURITY_FLAGS_H_
