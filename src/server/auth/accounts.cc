#include "server/auth/accounts.h"

#include <fmt/format.h>

#include "server/auth/password_hash.h"
#include "server/role.h"
#include "store/account_rows.h"
#include "text/text_clip.h"

namespace tw::server::auth {
namespace {

absl::Status CheckRole(std::string_view role) {
  if (!ParseRole(role).has_value()) {
    return absl::InvalidArgumentError(
        fmt::format("role '{}' is not one of viewer, analyst, editor, admin",
                    text::ClipUtf8(role, 40)));
  }
  return absl::OkStatus();
}

// FailedPrecondition when `id` is the only enabled admin.
absl::Status KeepOneAdmin(store::Store& store, std::int64_t id, std::string_view change) {
  absl::StatusOr<std::vector<store::UserAccount>> users = store.ListUsers();
  if (!users.ok()) return users.status();
  int other_admins = 0;
  bool is_admin = false;
  for (const store::UserAccount& user : *users) {
    if (user.role != "admin" || user.disabled) continue;
    if (user.id == id) {
      is_admin = true;
    } else {
      ++other_admins;
    }
  }
  if (is_admin && other_admins == 0) {
    return absl::FailedPreconditionError(fmt::format(
        "cannot {} the last enabled admin: make another user admin first", change));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<store::UserAccount> CreateAccount(store::Store& store, std::string_view name,
                                                 std::string_view role,
                                                 std::string_view password) {
  if (absl::Status s = store::CheckUserName(name); !s.ok()) return s;
  if (absl::Status s = CheckRole(role); !s.ok()) return s;
  absl::StatusOr<std::string> hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  store::UserAccount user;
  user.name = std::string(name);
  user.role = std::string(role);
  user.password_hash = *std::move(hash);
  absl::StatusOr<std::int64_t> id = store.CreateUser(user);
  if (!id.ok()) {
    if (id.status().code() == absl::StatusCode::kAlreadyExists) {
      return absl::AlreadyExistsError(
          fmt::format("a user named '{}' exists already", text::ClipUtf8(name, 80)));
    }
    return id.status();
  }
  return AccountWithId(store, *id);
}

absl::StatusOr<store::UserAccount> AccountNamed(store::Store& store, std::string_view name) {
  absl::StatusOr<std::optional<store::UserAccount>> user =
      name.size() <= store::kMaxUserNameBytes
          ? store.FindUser(name)
          : absl::StatusOr<std::optional<store::UserAccount>>(std::nullopt);
  if (!user.ok()) return user.status();
  if (!user->has_value()) {
    return absl::NotFoundError(fmt::format("no user named '{}'", text::ClipUtf8(name, 80)));
  }
  return **user;
}

absl::StatusOr<store::UserAccount> AccountWithId(store::Store& store, std::int64_t id) {
  absl::StatusOr<std::optional<store::UserAccount>> user = store.LoadUser(id);
  if (!user.ok()) return user.status();
  if (!user->has_value()) return absl::NotFoundError(fmt::format("no user {}", id));
  return **user;
}

absl::Status ChangePassword(store::Store& store, std::int64_t id, std::string_view password) {
  absl::StatusOr<std::string> hash = HashPassword(password);
  if (!hash.ok()) return hash.status();
  return store.SetUserPassword(id, *hash);
}

absl::Status ChangeRole(store::Store& store, std::int64_t id, std::string_view role) {
  if (absl::Status s = CheckRole(role); !s.ok()) return s;
  if (role != "admin") {
    if (absl::Status s = KeepOneAdmin(store, id, "demote"); !s.ok()) return s;
  }
  return store.SetUserRole(id, role);
}

absl::Status SetDisabled(store::Store& store, std::int64_t id, bool disabled) {
  if (disabled) {
    if (absl::Status s = KeepOneAdmin(store, id, "disable"); !s.ok()) return s;
  }
  return store.SetUserDisabled(id, disabled);
}

}  // namespace tw::server::auth
