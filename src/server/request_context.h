// RequestContext: one request as a handler sees it — the parsed request, the response being
// built, who is asking (after the session check), this worker thread's store, and the ways to
// answer (JSON, a page in the layout, an error). Handlers parse, call the library, render;
// nothing below the server knows HTTP.
//
// Thread safety: one RequestContext per request, used by the worker thread serving it.
#ifndef TREATYWATCH_SERVER_REQUEST_CONTEXT_H_
#define TREATYWATCH_SERVER_REQUEST_CONTEXT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "server/role.h"
#include "server/server_config.h"
#include "store/store.h"

namespace tw::server {

class JobQueue;
class ServerState;
class Templates;

class RequestContext {
 public:
  RequestContext(const httplib::Request& request, httplib::Response& response,
                 ServerState& state);

  const httplib::Request& request;
  httplib::Response& response;

  // Set by the Authenticator before the handler runs.
  std::optional<Principal> user;  // nullopt: anonymous
  std::string csrf_token;         // the token forms and htmx requests must send back
  std::string session_token;      // the session cookie's value; empty when none

  bool HasRole(Role role) const { return user && user->role >= role; }
  bool IsApi() const;  // the path starts with /api/: errors are JSON

  // The n-th group of the route pattern (1-based), percent-decoded by httplib.
  std::string Match(int n) const;
  // The n-th group as a positive id; NotFound naming `what` when it is not one.
  absl::StatusOr<std::int64_t> MatchId(int n, std::string_view what) const;
  // A query or form field (urlencoded or multipart), empty when absent.
  std::string Param(std::string_view name) const;
  bool HasParam(std::string_view name) const;
  // A query field that must be a positive integer; InvalidArgument names the field otherwise.
  absl::StatusOr<std::int64_t> IdParam(std::string_view name) const;
  // The body as JSON (API writes); InvalidArgument with the parse position otherwise.
  absl::StatusOr<nlohmann::json> JsonBody() const;

  // This worker thread's store (opened on first use, kept for the thread's life).
  absl::StatusOr<store::Store*> Store();
  const ServerConfig& config() const;
  JobQueue& jobs();
  const Templates& templates() const;
  ServerState& state() { return state_; }

  // Answers.
  void Json(const nlohmann::json& value, int status = 200);
  void Html(std::string body, int status = 200);
  // Renders template `name` with `view`, inside the layout (nav, user, CSRF token, title).
  // The view gets "csrf_token"; view["nav"] names the nav item to mark (default: `name`).
  void Page(std::string_view name, std::string_view title, nlohmann::json view,
            int status = 200);
  // A body to save ("attachment; filename=..."), never rendered by the browser.
  void Download(std::string body, std::string_view content_type, std::string_view filename);
  void Redirect(std::string_view location);  // 303 See Other
  // Status → HTTP status; JSON {"error": {"code", "message"}} under /api/, else an error page.
  void Error(const absl::Status& status);

  // Appends to the audit log who did what to which record; a handler calls it after every
  // successful change. A failure to log is reported on stderr but never undoes the change.
  void Audit(std::string_view action, std::string_view target, std::string_view detail = {});

 private:
  void RenderFailure(const absl::Status& status);

  ServerState& state_;
};

// absl status code → HTTP status (NotFound 404, InvalidArgument 400, PermissionDenied 403,
// Unauthenticated 401, FailedPrecondition/Aborted/AlreadyExists 409, ResourceExhausted 429,
// OutOfRange 413, Unavailable 503, else 500).
int HttpStatusOf(const absl::Status& status);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_REQUEST_CONTEXT_H_
