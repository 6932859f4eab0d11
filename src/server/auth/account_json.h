// The JSON of accounts and audit entries, shared by the API (/api/v1/users, /api/v1/audit-log,
// /api/v1/me) and `treatywatch user list --json`. A password hash never leaves the store: it is
// not part of any JSON.
// Thread safety: pure functions.
#ifndef TREATYWATCH_SERVER_AUTH_ACCOUNT_JSON_H_
#define TREATYWATCH_SERVER_AUTH_ACCOUNT_JSON_H_

#include <nlohmann/json.hpp>

#include "store/account_record.h"

namespace tw::server::auth {

// {"id", "name", "role", "created_at", "disabled"}
nlohmann::json UserJson(const store::UserAccount& user);
// {"id", "at", "who", "action", "target", "detail", "client"}
nlohmann::json AuditEntryJson(const store::AuditEntry& entry);

}  // namespace tw::server::auth

#endif  // TREATYWATCH_SERVER_AUTH_ACCOUNT_JSON_H_
