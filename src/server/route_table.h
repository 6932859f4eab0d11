// RouteTable: every URL the server answers, with who may call it. Feature modules add their
// routes (server_routes.h); the server wraps each handler with the same checks, in this order:
//   1. the session cookie → RequestContext::user (Authenticator);
//   2. the route's access: kPublic, or a minimum role (401 when anonymous, 403 when too low);
//   3. CSRF: every method but GET and HEAD needs the session's token in the X-CSRF-Token header
//      or the csrf_token form field (403 otherwise), unless the route is kLoginForm;
//   4. the handler; an exception or a non-OK status becomes a JSON error (under /api/) or an
//      error page, never a crash.
// Tests iterate routes() to check 2 and 3 for every state-changing route.
//
// Cacheable routes (AddCached; server/response_cache.h): a GET whose 200 answer for an
// anonymous visitor (or the local owner) is kept and served again without running the handler,
// until any state-changing request, finished job or other process's write clears the cache.
// Mark a route cacheable only if its answer depends on nothing but the path, the query, the
// htmx headers HX-Request/HX-Target, who is asking (anonymous or not) and the store's content:
// not on the time, on other headers, on cookies, or on anything held outside the store.
#ifndef TREATYWATCH_SERVER_ROUTE_TABLE_H_
#define TREATYWATCH_SERVER_ROUTE_TABLE_H_

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "server/role.h"

namespace tw::server {

class RequestContext;

enum class Access {
  kPublic,     // anyone; the handler itself hides what anonymous visitors may not see
  kLoginForm,  // anyone, CSRF checked against the pre-login cookie (login only)
  kViewer,
  kAnalyst,
  kEditor,
  kAdmin,
};

// The role `access` needs, nullopt for kPublic and kLoginForm.
std::optional<Role> RequiredRole(Access access);

struct Route {
  std::string method;   // "GET", "POST", "PUT", "DELETE"
  std::string pattern;  // httplib pattern: a regex over the path, groups → RequestContext::Match
  Access access = Access::kPublic;
  std::function<void(RequestContext&)> handler;
  std::string summary;  // one line for docs and the route listing
  // A path a test can request for this route ("/api/v1/documents/1"); defaults to pattern.
  std::string example_path;
  bool cacheable = false;  // GET only: see AddCached
};

class RouteTable {
 public:
  using Handler = std::function<void(RequestContext&)>;
  using StatusHandler = std::function<absl::Status(RequestContext&)>;

  // `body` answers the request itself (void), or returns a status whose error the server
  // answers (an error page, or JSON under /api/): a handler that loads and checks step by step
  // returns at the first failure instead of answering it by hand.
  template <typename Body>
  void Add(std::string method, std::string pattern, Access access, Body body, std::string summary,
           std::string example_path = {}) {
    routes_.push_back(Route{std::move(method), std::move(pattern), access,
                            AsHandler(std::move(body)), std::move(summary),
                            std::move(example_path)});
  }
  // Add, for a GET whose answer the server may keep and serve again (see the top of this file).
  // Same arguments as Add, so marking a route is renaming its call.
  template <typename Body>
  void AddCached(std::string method, std::string pattern, Access access, Body body,
                 std::string summary, std::string example_path = {}) {
    const bool get = method == "GET";
    Add(std::move(method), std::move(pattern), access, std::move(body), std::move(summary),
        std::move(example_path));
    routes_.back().cacheable = get;
  }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  template <typename Body>
  static Handler AsHandler(Body body) {
    if constexpr (std::is_same_v<std::invoke_result_t<Body&, RequestContext&>, absl::Status>) {
      return AnsweringErrors(StatusHandler(std::move(body)));
    } else {
      return Handler(std::move(body));
    }
  }
  static Handler AnsweringErrors(StatusHandler body);

  std::vector<Route> routes_;
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_ROUTE_TABLE_H_
