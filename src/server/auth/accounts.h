// Managing user accounts, the same way from the command line (`treatywatch user ...`) and the
// admin pages: checks, hashing and the store, in one place. The caller writes the audit entry.
//
// The last enabled admin cannot be demoted or disabled: the team would lose the only account
// that can manage the others (FailedPrecondition saying so).
// Thread safety: as the store passed in (one thread at a time).
#ifndef TREATYWATCH_SERVER_AUTH_ACCOUNTS_H_
#define TREATYWATCH_SERVER_AUTH_ACCOUNTS_H_

#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/store.h"

namespace tw::server::auth {

// A new account. InvalidArgument for a bad name (store/account_rows.h CheckUserName), an unknown
// role or a weak password (password_hash.h CheckNewPassword); AlreadyExists for a taken name.
absl::StatusOr<store::UserAccount> CreateAccount(store::Store& store, std::string_view name,
                                                 std::string_view role,
                                                 std::string_view password);

// The account named `name` (ASCII case ignored); NotFound naming it otherwise.
absl::StatusOr<store::UserAccount> AccountNamed(store::Store& store, std::string_view name);
absl::StatusOr<store::UserAccount> AccountWithId(store::Store& store, std::int64_t id);

// New password (checked and hashed); ends the account's sessions.
absl::Status ChangePassword(store::Store& store, std::int64_t id, std::string_view password);
absl::Status ChangeRole(store::Store& store, std::int64_t id, std::string_view role);
// Disabling ends the account's sessions.
absl::Status SetDisabled(store::Store& store, std::int64_t id, bool disabled);

}  // namespace tw::server::auth

#endif  // TREATYWATCH_SERVER_AUTH_ACCOUNTS_H_
