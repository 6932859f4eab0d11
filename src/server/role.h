// Roles of the team working in one treatywatch, from least to most trusted. Each role can do
// everything the ones before it can:
//   viewer   reads everything, unpublished fact-checks included;
//   analyst  uploads documents, records statements and positions, writes claims and fact-check
//            drafts and submits them for review;
//   editor   reviews, returns, publishes and corrects fact-checks, records sessions and votes;
//   admin    manages users and reads the audit log.
// Anonymous visitors (no role) read documents, comparisons, audits, the negotiation record and
// published fact-checks only.
#ifndef TREATYWATCH_SERVER_ROLE_H_
#define TREATYWATCH_SERVER_ROLE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tw::server {

enum class Role { kViewer = 1, kAnalyst = 2, kEditor = 3, kAdmin = 4 };

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);  // "viewer", ... (exact, lowercase)

// Who a request acts for once its session cookie is checked.
struct Principal {
  std::int64_t user_id = 0;  // 0 for the local owner (no users in the store)
  std::string name;
  Role role = Role::kViewer;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_ROLE_H_
