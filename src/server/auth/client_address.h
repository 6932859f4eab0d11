// The address a request comes from, for login throttling and the audit log. Directly connected
// clients: the socket's peer address. Behind the TLS-terminating proxy (--behind-tls) every
// connection comes from the proxy, so the last X-Forwarded-For entry — the one the proxy itself
// appended — is used instead; entries before it are the client's own claims and are ignored.
// The proxy must therefore append (or set) X-Forwarded-For (docs/deploy.md).
// Thread safety: pure function.
#ifndef TREATYWATCH_SERVER_AUTH_CLIENT_ADDRESS_H_
#define TREATYWATCH_SERVER_AUTH_CLIENT_ADDRESS_H_

#include <string>

#include <httplib.h>

namespace tw::server::auth {

inline constexpr std::size_t kMaxClientAddressBytes = 64;

std::string ClientAddress(const httplib::Request& request, bool behind_proxy);

}  // namespace tw::server::auth

#endif  // TREATYWATCH_SERVER_AUTH_CLIENT_ADDRESS_H_
