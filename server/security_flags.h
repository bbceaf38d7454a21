// The server's security flags (--tls_cert, --tls_key, --tls_client_ca,
// --tokens_file, --allow_unauthenticated_remote), kept apart from main.cc's.
#ifndef FACTCHECK_SERVER_SECURITY_FLAGS_H_
#define FACTCHECK_SERVER_SECURITY_FLAGS_H_

#include <string>

#include "server/server_security.h"

namespace factcheck {

// The options the flags and $FACTCHECK_TOKENS give, for a server that will
// listen on `listen`.
SecurityOptions SecurityOptionsFromFlags(const std::string& listen);

}  // namespace factcheck

#endif  // FACTCHECK_SERVER_SECURITY_FLAGS_H_
