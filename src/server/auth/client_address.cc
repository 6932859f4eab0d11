#include "server/auth/client_address.h"

#include <string_view>

namespace tw::server::auth {

std::string ClientAddress(const httplib::Request& request, bool behind_proxy) {
  std::string_view address = request.remote_addr;
  std::string forwarded;
  if (behind_proxy) {
    forwarded = request.get_header_value("X-Forwarded-For");
    std::string_view last = forwarded;
    if (const std::size_t comma = last.rfind(','); comma != std::string_view::npos) {
      last.remove_prefix(comma + 1);
    }
    while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
    while (!last.empty() && last.back() == ' ') last.remove_suffix(1);
    if (!last.empty()) address = last;
  }
  std::string clean;
  // Only the characters of IPv4 and IPv6 addresses: a forged header cannot smuggle markup or
  // control characters into the audit log.
  for (char c : address.substr(0, kMaxClientAddressBytes)) {
    const bool allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
                         (c >= 'A' && c <= 'F') || c == '.' || c == ':';
    if (allowed) clean += c;
  }
  return clean.empty() ? "unknown" : clean;
}

}  // namespace tw::server::auth
