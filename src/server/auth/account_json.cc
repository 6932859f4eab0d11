#include "server/auth/account_json.h"

namespace tw::server::auth {

nlohmann::json UserJson(const store::UserAccount& user) {
  return {{"id", user.id},
          {"name", user.name},
          {"role", user.role},
          {"created_at", user.created_at},
          {"disabled", user.disabled}};
}

nlohmann::json AuditEntryJson(const store::AuditEntry& entry) {
  return {{"id", entry.id},         {"at", entry.at},         {"who", entry.who},
          {"action", entry.action}, {"target", entry.target}, {"detail", entry.detail},
          {"client", entry.client}};
}

}  // namespace tw::server::auth
