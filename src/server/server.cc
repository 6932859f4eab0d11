#include "server/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <iostream>

#include <fmt/format.h>

#include "server/ingest_job.h"
#include "server/request_context.h"
#include "server/response_cache.h"
#include "server/security_headers.h"
#include "server/server_routes.h"

namespace tw::server {
namespace {

bool ChangesState(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Whose page this request gets, for the response cache: every anonymous visitor sees the same
// page, and so does every request of the one local owner; a logged-in user's page is theirs
// alone (name, CSRF token) and is never cached (empty).
std::string_view CachePrincipal(const RequestContext& ctx, const ServerConfig& config) {
  if (!ctx.user && ctx.csrf_token.empty()) return "anonymous";
  if (config.local_owner_mode) return "owner";
  return {};
}

}  // namespace

absl::StatusOr<std::unique_ptr<Server>> Server::Create(ServerConfig config) {
  // Open once here so a wrong URL or a failed migration stops the start, not the first request.
  auto store = store::OpenStore(config.db_url);
  if (!store.ok()) return store.status();
  auto has_users = StoreHasUsers(**store);
  if (!has_users.ok()) return has_users.status();
  config.local_owner_mode = !*has_users;
  if (config.local_owner_mode) config.host = "127.0.0.1";
  auto templates = Templates::Load(config.web_dir + "/templates");
  if (!templates.ok()) return templates.status();

  std::unique_ptr<Server> server(new Server);
  server->state_ = std::make_unique<ServerState>(std::move(config), std::move(*templates));
  if (server->state_->config().response_cache_bytes > 0) {
    // The store opened above becomes the cache's own connection: its change stamp moves with
    // every other connection's commits (the workers', the jobs', other processes').
    std::shared_ptr<store::Store> stamp_store = std::move(*store);
    ResponseCache::Options options;
    options.max_bytes = server->state_->config().response_cache_bytes;
    options.max_entry_bytes = std::min(options.max_entry_bytes, options.max_bytes / 4);
    auto cache = std::make_unique<ResponseCache>(
        options, [stamp_store] { return stamp_store->ChangeStamp(); });
    ResponseCache* cache_ptr = cache.get();
    server->state_->set_cache(std::move(cache));
    server->state_->jobs().set_on_finished([cache_ptr] { cache_ptr->Clear(); });
  }
  server->state_->set_authenticator(MakeAuthenticator(*server->state_));
  RouteTable& routes = server->state_->routes();
  RegisterStaticRoutes(routes);
  RegisterAuthRoutes(routes);
  RegisterJobRoutes(routes);
  RegisterDocumentApi(routes);
  RegisterCompareApi(routes);
  RegisterAuditApi(routes);
  RegisterNegotiationApi(routes);
  RegisterFactCheckApi(routes);
  RegisterDocumentPages(routes);
  RegisterComparePages(routes);
  RegisterAuditPages(routes);
  RegisterNegotiationPages(routes);
  RegisterFactCheckPages(routes);
  server->Install();

  const ServerConfig& bound = server->config();
  if (bound.port == 0) {
    server->port_ = server->http_.bind_to_any_port(bound.host);
  } else if (server->http_.bind_to_port(bound.host, bound.port)) {
    server->port_ = bound.port;
  } else {
    server->port_ = -1;
  }
  // Debian's compiled httplib listens with a backlog of 5: 64 clients connecting at once lose
  // SYNs and wait 1 s for their retransmission. Linux lets a listening socket be given a
  // longer queue by calling listen() again.
  if (server->port_ > 0 && server->listen_fd_ >= 0) ::listen(server->listen_fd_, SOMAXCONN);
  if (server->port_ <= 0) {
    return absl::UnavailableError(fmt::format("cannot listen on {}:{} (in use, or not allowed)",
                                              bound.host, bound.port));
  }
  if (!bound.spool_dir.empty()) {
    absl::StatusOr<SpoolLock> lock = SpoolLock::Acquire(bound.spool_dir);
    if (!lock.ok()) return lock.status();
    server->spool_lock_.emplace(std::move(*lock));
  }
  // Uploads a killed server had acknowledged but not stored (ingest_job.h).
  if (absl::Status requeued = RequeueSpooledUploads(*server->state_); !requeued.ok()) {
    return requeued;
  }
  return server;
}

void Server::Install() {
  const ServerConfig& config = state_->config();
  const int threads = config.worker_threads > 0 ? config.worker_threads : 72;
  http_.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http_.set_payload_max_length(config.max_body_bytes);
  http_.set_keep_alive_max_count(config.keep_alive_max_requests);
  http_.set_keep_alive_timeout(5);
  // httplib writes a response's head and body separately; with Nagle on, the body waits for
  // the client's delayed ACK (40 ms on Linux) on every keep-alive request.
  http_.set_tcp_nodelay(true);
  // httplib's default also sets SO_REUSEPORT, which lets a second server bind the same port
  // and silently take half of its connections; a port in use must be an error instead.
  // httplib reads the body of a POST that has neither Content-Length nor chunked encoding
  // until the client closes the connection, so `curl -X POST` waits out the 30-s read timeout
  // for a 400. HTTP allows answering 411 Length Required at once; this runs before
  // httplib reads any body.
  http_.set_pre_routing_handler([](const httplib::Request& request, httplib::Response& response) {
    const bool may_have_body = request.method != "GET" && request.method != "HEAD" &&
                               request.method != "OPTIONS";
    if (may_have_body && !request.has_header("Content-Length") &&
        !request.has_header("Transfer-Encoding")) {
      response.status = 411;
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http_.set_socket_options([this](int socket) {
    const int yes = 1;
    ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd_ = socket;
  });
  http_.set_read_timeout(30);
  http_.set_default_headers(SecurityHeaders());

  for (const Route& route : state_->routes().routes()) {
    auto handler = [this, &route](const httplib::Request& request, httplib::Response& response) {
      RequestContext ctx(request, response, *state_);
      if (state_->config().local_owner_mode &&
          !IsLoopbackHost(request.get_header_value("Host"))) {
        ctx.Error(absl::PermissionDeniedError(
            "this server has no user accounts and answers only to localhost"));
        return;
      }
      state_->authenticator().Identify(ctx);
      if (auto role = RequiredRole(route.access)) {
        if (!ctx.user) {
          ctx.Error(absl::UnauthenticatedError("log in to do this"));
          return;
        }
        if (!ctx.HasRole(*role)) {
          ctx.Error(absl::PermissionDeniedError(fmt::format(
              "this needs the {} role; you are {}", RoleName(*role), RoleName(ctx.user->role))));
          return;
        }
      }
      if (ChangesState(request.method) &&
          !state_->authenticator().CsrfValid(ctx, route.access)) {
        ctx.Error(absl::PermissionDeniedError(
            "missing or wrong CSRF token: reload the page and try again"));
        return;
      }
      ResponseCache* cache = state_->cache();
      std::string cache_key;
      ResponseCache::Lookup cached;
      if (route.cacheable && cache != nullptr) {
        const std::string_view principal = CachePrincipal(ctx, state_->config());
        if (!principal.empty()) cache_key = ResponseCacheKey(request, principal);
        if (!cache_key.empty()) {
          // A miss carries the generation from before the handler reads the store: a write
          // meanwhile voids this render.
          cached = cache->Find(cache_key);
          if (cached.hit) {
            ServeCached(std::move(cached.hit), request, response);
            return;
          }
        }
      }
      // The one exception boundary of a request: a library throw is a 500, not a crash.
      try {
        route.handler(ctx);
      } catch (const std::exception& e) {
        std::cerr << "treatywatch serve: " << request.method << " " << request.path
                  << ": internal error: " << e.what() << "\n";
        ctx.Error(absl::InternalError("internal error (see the server log)"));
      }
      if (cache != nullptr) {
        if (!cache_key.empty()) cache->Fill(cache_key, cached, response);
        // Any request that may have changed the store, even one that failed half-way.
        if (ChangesState(request.method)) cache->Clear();
      }
    };
    if (route.method == "GET") {
      http_.Get(route.pattern, handler);
    } else if (route.method == "POST") {
      http_.Post(route.pattern, handler);
    } else if (route.method == "PUT") {
      http_.Put(route.pattern, handler);
    } else if (route.method == "DELETE") {
      http_.Delete(route.pattern, handler);
    } else if (route.method == "PATCH") {
      http_.Patch(route.pattern, handler);
    }
  }

  // Unrouted paths and httplib's own refusals (413, 400) answer in the same JSON or page form.
  http_.set_error_handler([this](const httplib::Request& request, httplib::Response& response) {
    if (!response.body.empty()) return;
    RequestContext ctx(request, response, *state_);
    const int status = response.status;
    absl::Status error =
        status == 404   ? absl::NotFoundError("no such page: " + request.path.substr(0, 200))
        : status == 413 ? absl::OutOfRangeError(fmt::format(
                              "request body too large (the limit is {} bytes)",
                              state_->config().max_body_bytes))
        : status == 405 ? absl::InvalidArgumentError("method not allowed here")
        : status == 411 ? absl::InvalidArgumentError(
                              "send a Content-Length header, 0 when there is no body "
                              "(curl -d '')")
            : absl::InvalidArgumentError("bad request");
    // The API answers JSON; a page request gets a short text (no session lookup on errors).
    response.status = status;
    response.set_content(
        ctx.IsApi() ? nlohmann::json{{"error",
                                      {{"code", absl::StatusCodeToString(error.code())},
                                       {"message", std::string(error.message())}}}}
                          .dump()
                    : std::string(error.message()) + "\n",
        ctx.IsApi() ? "application/json; charset=utf-8" : "text/plain; charset=utf-8");
  });
  http_.set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
        std::cerr << "treatywatch serve: " << request.method << " " << request.path
                  << ": internal error\n";
        response.status = 500;
        response.set_content("internal error\n", "text/plain; charset=utf-8");
      });
  if (!config.quiet) {
    http_.set_logger([](const httplib::Request& request, const httplib::Response& response) {
      std::cerr << request.method << " " << request.path << " " << response.status << "\n";
    });
  }
}

absl::Status Server::Run() {
  if (!http_.listen_after_bind()) {
    return absl::UnavailableError("the server stopped: cannot accept connections");
  }
  return absl::OkStatus();
}

void Server::Stop() { http_.stop(); }

}  // namespace tw::server
