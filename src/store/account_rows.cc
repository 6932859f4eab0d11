#include "store/account_rows.h"

#include <algorithm>

#include <fmt/format.h>

#include "text/ascii_case.h"
#include "text/utf8.h"

namespace tw::store {
namespace {

absl::Status CheckText(std::string_view value, std::string_view field, std::size_t max_bytes,
                       bool may_be_empty) {
  if (value.empty() && !may_be_empty) {
    return absl::InvalidArgumentError(fmt::format("{} is empty", field));
  }
  if (value.size() > max_bytes) {
    return absl::InvalidArgumentError(
        fmt::format("{} is {} bytes long; the limit is {}", field, value.size(), max_bytes));
  }
  if (auto bad = text::FindInvalidUtf8(value); bad.has_value()) {
    return absl::InvalidArgumentError(
        fmt::format("{} is not valid UTF-8 (byte {})", field, *bad));
  }
  if (value.find('\0') != std::string_view::npos) {
    return absl::InvalidArgumentError(fmt::format("{} holds a NUL byte", field));
  }
  return absl::OkStatus();
}

}  // namespace

std::string UserNameKey(std::string_view name) {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(), text::AsciiLower);
  return key;
}

bool IsUserRole(std::string_view role) {
  return std::find(kUserRoles.begin(), kUserRoles.end(), role) != kUserRoles.end();
}

absl::Status CheckUserName(std::string_view name) {
  if (absl::Status s = CheckText(name, "user name", kMaxUserNameBytes, false); !s.ok()) return s;
  for (char c : name) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      return absl::InvalidArgumentError("user name holds a control character");
    }
  }
  if (name.front() == ' ' || name.back() == ' ') {
    return absl::InvalidArgumentError("user name starts or ends with a space");
  }
  return absl::OkStatus();
}

absl::Status CheckUserAccount(const UserAccount& user) {
  if (absl::Status s = CheckUserName(user.name); !s.ok()) return s;
  if (!IsUserRole(user.role)) {
    return absl::InvalidArgumentError(fmt::format(
        "role '{}' is not one of viewer, analyst, editor, admin", user.role.substr(0, 40)));
  }
  return CheckText(user.password_hash, "password hash", kMaxPasswordHashBytes, false);
}

absl::Status CheckLoginSession(const LoginSession& session) {
  if (session.token_hash.size() != 64) {
    return absl::InvalidArgumentError("session token hash must be 64 hex digits");
  }
  if (session.csrf_token.empty() || session.csrf_token.size() > 128) {
    return absl::InvalidArgumentError("session CSRF token must be 1 to 128 characters");
  }
  if (session.user_id <= 0) return absl::InvalidArgumentError("session has no user");
  if (session.expires_at < session.created_at) {
    return absl::InvalidArgumentError("session expires before it was created");
  }
  return absl::OkStatus();
}

absl::Status CheckAuditEntry(const AuditEntry& entry) {
  const std::pair<std::string_view, std::string_view> fields[] = {
      {entry.who, "audit who"},       {entry.action, "audit action"},
      {entry.target, "audit target"}, {entry.detail, "audit detail"},
      {entry.client, "audit client"}, {entry.at, "audit time"}};
  for (const auto& [value, field] : fields) {
    const bool may_be_empty = field != "audit who" && field != "audit action";
    if (absl::Status s = CheckText(value, field, kMaxAuditFieldBytes, may_be_empty); !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAuditPage(std::int64_t offset, int limit) {
  if (offset < 0) return absl::InvalidArgumentError("audit log offset must not be negative");
  if (limit < 1 || limit > kMaxAuditPage) {
    return absl::InvalidArgumentError(
        fmt::format("audit log page size must be 1 to {}, not {}", kMaxAuditPage, limit));
  }
  return absl::OkStatus();
}

bool SameUser(const UserAccount& a, const UserAccount& b) {
  return a.id == b.id && a.name == b.name && a.role == b.role &&
         a.password_hash == b.password_hash && a.created_at == b.created_at &&
         a.disabled == b.disabled;
}

bool SameAuditEntry(const AuditEntry& a, const AuditEntry& b) {
  return a.id == b.id && a.at == b.at && a.who == b.who && a.action == b.action &&
         a.target == b.target && a.detail == b.detail && a.client == b.client;
}

}  // namespace tw::store
