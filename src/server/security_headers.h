// The headers every response carries. The Content-Security-Policy allows nothing from another
// origin and no inline script or style, so a stored XSS payload cannot run even if a template
// forgot to escape, and the UI makes no external request (it must work offline).
#ifndef TREATYWATCH_SERVER_SECURITY_HEADERS_H_
#define TREATYWATCH_SERVER_SECURITY_HEADERS_H_

#include <string_view>

#include <httplib.h>

namespace tw::server {

inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

httplib::Headers SecurityHeaders();

// Whether a Host header names this machine's loopback ("localhost:8080", "127.0.0.1",
// "[::1]:8080"): in local-owner mode nothing else is answered, which defeats DNS rebinding.
bool IsLoopbackHost(std::string_view host);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SECURITY_HEADERS_H_
