// /static/NAME: the project's own files in web/static; /vendor/NAME: the npm packages the UI
// uses, served straight from node_modules (package-lock.json pins them; nothing is copied).
// A name is served only if it is a plain relative path (letters, digits, '.', '-', '_', '/',
// no "..", no hidden files): anything else is 404, so no request reaches outside these folders.
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

#include "server/request_context.h"
#include "server/server_routes.h"

namespace tw::server {
namespace {

// The vendor files the pages load, by the name they use.
const std::map<std::string, std::string, std::less<>>& VendorFiles() {
  static const auto* files = new std::map<std::string, std::string, std::less<>>{
      {"htmx.min.js", "htmx.org/dist/htmx.min.js"},
      {"chart.umd.min.js", "chart.js/dist/chart.umd.min.js"},
  };
  return *files;
}

bool IsPlainRelativePath(std::string_view name) {
  if (name.empty() || name.size() > 200 || name.front() == '/') return false;
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/') {
      std::string_view segment = name.substr(segment_start, i - segment_start);
      if (segment.empty() || segment.front() == '.') return false;  // "..", ".git", "a//b"
      segment_start = i + 1;
      continue;
    }
    const char c = name[i];
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                       (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
    if (!plain) return false;
  }
  return true;
}

std::string ContentTypeOf(std::string_view name) {
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix;
  };
  if (ends_with(".css")) return "text/css; charset=utf-8";
  if (ends_with(".js")) return "text/javascript; charset=utf-8";
  if (ends_with(".svg")) return "image/svg+xml";
  if (ends_with(".png")) return "image/png";
  if (ends_with(".ico")) return "image/x-icon";
  if (ends_with(".json")) return "application/json";
  return "application/octet-stream";
}

// Files are read once and kept: they are small and the same for the server's life.
class FileCache {
 public:
  const std::string* Get(const std::string& path) {
    std::lock_guard lock(mutex_);
    auto found = files_.find(path);
    if (found != files_.end()) return &found->second;
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) return nullptr;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in && !in.eof()) return nullptr;
    return &files_.emplace(path, bytes.str()).first->second;
  }

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> files_;
};

void Serve(RequestContext& ctx, const std::string& path, std::string_view name) {
  static auto* cache = new FileCache;
  const std::string* bytes = cache->Get(path);
  if (bytes == nullptr) {
    ctx.Error(absl::NotFoundError("no such file: " + std::string(name)));
    return;
  }
  ctx.response.set_header("Cache-Control", "public, max-age=3600");
  ctx.response.set_content(*bytes, ContentTypeOf(name));
}

}  // namespace

void RegisterStaticRoutes(RouteTable& routes) {
  routes.Add("GET", R"(/static/(.+))", Access::kPublic,
              [](RequestContext& ctx) {
                const std::string name = ctx.Match(1);
                if (!IsPlainRelativePath(name)) {
                  ctx.Error(absl::NotFoundError("no such file"));
                  return;
                }
                Serve(ctx, ctx.config().web_dir + "/static/" + name, name);
              },
              "The web UI's own scripts and styles", "/static/app.css");
  routes.Add("GET", R"(/vendor/(.+))", Access::kPublic,
              [](RequestContext& ctx) {
                const std::string name = ctx.Match(1);
                auto found = VendorFiles().find(name);
                if (found == VendorFiles().end()) {
                  ctx.Error(absl::NotFoundError("no such file"));
                  return;
                }
                Serve(ctx, ctx.config().node_modules_dir + "/" + found->second, name);
              },
              "htmx and Chart.js from the locked npm packages", "/vendor/htmx.min.js");
}

}  // namespace tw::server
