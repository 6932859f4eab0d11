#include "server/request_context.h"

#include <charconv>
#include <iostream>

#include "server/authenticator.h"
#include "server/server_state.h"

namespace tw::server {
namespace {

// Every byte but unreserved characters as %XX: a path and query carried inside a query value.
std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      encoded += c;
    } else {
      encoded += '%';
      encoded += kHex[byte >> 4];
      encoded += kHex[byte & 15];
    }
  }
  return encoded;
}

}  // namespace

int HttpStatusOf(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk: return 200;
    case absl::StatusCode::kNotFound: return 404;
    case absl::StatusCode::kInvalidArgument: return 400;
    case absl::StatusCode::kPermissionDenied: return 403;
    case absl::StatusCode::kUnauthenticated: return 401;
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAborted:
    case absl::StatusCode::kAlreadyExists: return 409;
    case absl::StatusCode::kResourceExhausted: return 429;
    case absl::StatusCode::kOutOfRange: return 413;
    case absl::StatusCode::kUnavailable: return 503;
    default: return 500;
  }
}

RequestContext::RequestContext(const httplib::Request& request_in, httplib::Response& response_in,
                               ServerState& state)
    : request(request_in), response(response_in), state_(state) {}

bool RequestContext::IsApi() const { return request.path.rfind("/api/", 0) == 0; }

std::string RequestContext::Match(int n) const {
  if (n < 0 || static_cast<std::size_t>(n) >= request.matches.size()) return {};
  return request.matches[n].str();
}

absl::StatusOr<std::int64_t> RequestContext::MatchId(int n, std::string_view what) const {
  const std::string text = Match(n);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value <= 0) {
    return absl::NotFoundError("no " + std::string(what) + " " + text.substr(0, 40));
  }
  return value;
}

std::string RequestContext::Param(std::string_view name) const {
  const std::string key(name);
  if (request.has_param(key)) return request.get_param_value(key);
  if (request.has_file(key)) return request.get_file_value(key).content;
  return {};
}

bool RequestContext::HasParam(std::string_view name) const {
  const std::string key(name);
  return request.has_param(key) || request.has_file(key);
}

absl::StatusOr<std::int64_t> RequestContext::IdParam(std::string_view name) const {
  const std::string text = Param(name);
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size() || value <= 0) {
    return absl::InvalidArgumentError("parameter " + std::string(name) +
                                      " must be a positive whole number, got \"" +
                                      text.substr(0, 40) + "\"");
  }
  return value;
}

absl::StatusOr<nlohmann::json> RequestContext::JsonBody() const {
  try {
    return nlohmann::json::parse(request.body);
  } catch (const nlohmann::json::parse_error& e) {
    return absl::InvalidArgumentError("request body is not JSON: byte " +
                                      std::to_string(e.byte) + ": " + e.what());
  }
}

absl::StatusOr<store::Store*> RequestContext::Store() { return state_.stores().ForThisThread(); }
const ServerConfig& RequestContext::config() const { return state_.config(); }
JobQueue& RequestContext::jobs() { return state_.jobs(); }
const Templates& RequestContext::templates() const { return state_.templates(); }

void RequestContext::Json(const nlohmann::json& value, int status) {
  response.status = status;
  // Invalid UTF-8 from a stored field must not abort the response: replace, don't throw.
  response.set_content(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json; charset=utf-8");
}

void RequestContext::Html(std::string body, int status) {
  response.status = status;
  response.set_content(std::move(body), "text/html; charset=utf-8");
}

void RequestContext::Page(std::string_view name, std::string_view title, nlohmann::json view,
                          int status) {
  view["csrf_token"] = csrf_token;
  // The nav item to mark current: the view's "nav" ("documents" for the reader), else the name.
  const std::string nav = view.contains("nav") && view["nav"].is_string()
                              ? view["nav"].get<std::string>()
                              : std::string(name);
  auto content = templates().Render(name, view);
  if (!content.ok()) {
    RenderFailure(content.status());
    return;
  }
  nlohmann::json layout = {{"title", std::string(title)},
                           {"content", *content},
                           {"csrf_token", csrf_token},
                           {"nav_" + nav, true},
                           {"local_owner", config().local_owner_mode}};
  if (user) {
    layout["user"] = {{"name", user->name},
                      {"role", std::string(RoleName(user->role))},
                      {"is_analyst", user->role >= Role::kAnalyst},
                      {"is_editor", user->role >= Role::kEditor},
                      {"is_admin", user->role >= Role::kAdmin}};
  }
  auto page = templates().Render("layout", layout);
  if (!page.ok()) {
    RenderFailure(page.status());
    return;
  }
  Html(std::move(*page), status);
}

void RequestContext::Download(std::string body, std::string_view content_type,
                              std::string_view filename) {
  response.status = 200;
  std::string safe_name;
  for (char c : filename) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    safe_name += plain ? c : '_';
  }
  response.set_header("Content-Disposition", "attachment; filename=\"" + safe_name + "\"");
  response.set_content(std::move(body), std::string(content_type));
}

void RequestContext::Redirect(std::string_view location) {
  response.status = 303;
  response.set_header("Location", std::string(location));
}

void RequestContext::Error(const absl::Status& status) {
  const int http_status = HttpStatusOf(status);
  const std::string message(status.message());
  if (IsApi() || !templates().Has("error")) {
    Json({{"error", {{"code", absl::StatusCodeToString(status.code())}, {"message", message}}}},
         http_status);
    return;
  }
  // An anonymous visitor opening a page that needs a role is sent to log in, and back after.
  if (http_status == 401 && !user && (request.method == "GET" || request.method == "HEAD")) {
    const std::string target = request.target.empty() ? request.path : request.target;
    Redirect("/login?next=" + PercentEncode(target.substr(0, 2000)));
    return;
  }
  nlohmann::json view = {{"status", http_status}, {"message", message}};
  if (http_status == 401) view["login"] = true;
  // The error page goes through the layout like any page, so navigation stays.
  Page("error", "Error " + std::to_string(http_status), view, http_status);
}

void RequestContext::RenderFailure(const absl::Status& status) {
  // Not Error(): rendering the error page could fail the same way.
  std::cerr << "treatywatch serve: " << status.message() << "\n";
  response.status = 500;
  response.set_content("internal error: a page template failed (see the server log)\n",
                       "text/plain; charset=utf-8");
}

void RequestContext::Audit(std::string_view action, std::string_view target,
                           std::string_view detail) {
  state_.authenticator().RecordAudit(*this, action, target, detail);
}

}  // namespace tw::server
