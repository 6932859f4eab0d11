// The account record's values as both backends check and compare them (account_record.h):
// what a user name, role, password hash, session and audit entry may hold, the name key that
// makes names unique ignoring ASCII case, and content equality for `migrate`'s imports.
// Thread safety: pure functions.
#ifndef TREATYWATCH_STORE_ACCOUNT_ROWS_H_
#define TREATYWATCH_STORE_ACCOUNT_ROWS_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "store/account_record.h"

namespace tw::store {

// The roles an account may have, least trusted first (server/role.h gives them meaning).
inline constexpr std::array<std::string_view, 4> kUserRoles = {"viewer", "analyst", "editor",
                                                               "admin"};

// Bounds on what one request or command can make the store keep.
inline constexpr std::size_t kMaxUserNameBytes = 64;
inline constexpr std::size_t kMaxPasswordHashBytes = 256;
inline constexpr std::size_t kMaxAuditFieldBytes = 4096;
inline constexpr int kMaxAuditPage = 1000;

// The name with ASCII letters lowercased: the unique key of the users table. Only ASCII folds,
// so both backends (and every locale) agree on which names collide.
std::string UserNameKey(std::string_view name);

bool IsUserRole(std::string_view role);

// InvalidArgument naming the field: a name that is empty, longer than kMaxUserNameBytes, not
// valid UTF-8, with control characters or with space at either end; an unknown role; an empty
// or oversized hash.
absl::Status CheckUserName(std::string_view name);
absl::Status CheckUserAccount(const UserAccount& user);
absl::Status CheckLoginSession(const LoginSession& session);
absl::Status CheckAuditEntry(const AuditEntry& entry);
absl::Status CheckAuditPage(std::int64_t offset, int limit);

bool SameUser(const UserAccount& a, const UserAccount& b);
bool SameAuditEntry(const AuditEntry& a, const AuditEntry& b);

}  // namespace tw::store

#endif  // TREATYWATCH_STORE_ACCOUNT_ROWS_H_
