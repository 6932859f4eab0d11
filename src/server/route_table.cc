#include "server/route_table.h"

#include "server/request_context.h"

namespace tw::server {

std::optional<Role> RequiredRole(Access access) {
  switch (access) {
    case Access::kPublic:
    case Access::kLoginForm:
      return std::nullopt;
    case Access::kViewer:
      return Role::kViewer;
    case Access::kAnalyst:
      return Role::kAnalyst;
    case Access::kEditor:
      return Role::kEditor;
    case Access::kAdmin:
      return Role::kAdmin;
  }
  return Role::kAdmin;
}

RouteTable::Handler RouteTable::AnsweringErrors(StatusHandler body) {
  return [body = std::move(body)](RequestContext& ctx) {
    if (absl::Status status = body(ctx); !status.ok()) ctx.Error(status);
  };
}

}  // namespace tw::server
