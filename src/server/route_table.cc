#include "server/route_table.h"

namespace tw::server {

std::optional<Role> RequiredRole(Access access) {
  switch (access) {
    case Access::kPublic:
    case Access::kLoginForm: return std::nullopt;
    case Access::kViewer: return Role::kViewer;
    case Access::kAnalyst: return Role::kAnalyst;
    case Access::kEditor: return Role::kEditor;
    case Access::kAdmin: return Role::kAdmin;
  }
  return Role::kAdmin;
}

}  // namespace tw::server
