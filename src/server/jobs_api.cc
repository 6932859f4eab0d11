// GET /api/v1/jobs and /api/v1/jobs/ID: the background jobs and their progress, for the pages
// that poll them and for scripts.
#include "server/jobs.h"
#include "server/request_context.h"
#include "server/server_routes.h"

namespace tw::server {

void RegisterJobRoutes(RouteTable& routes) {
  routes.Add("GET", R"(/api/v1/jobs)", Access::kViewer,
              [](RequestContext& ctx) {
                nlohmann::json list = nlohmann::json::array();
                for (const JobStatus& status : ctx.jobs().List()) {
                  list.push_back(JobStatusJson(status));
                }
                ctx.Json({{"jobs", list}});
              },
              "Background jobs, newest first");
  routes.Add("GET", R"(/api/v1/jobs/(\d+))", Access::kViewer,
              [](RequestContext& ctx) {
                auto id = ctx.MatchId(1, "job");
                if (!id.ok()) {
                  ctx.Error(id.status());
                  return;
                }
                auto status = ctx.jobs().Get(*id);
                if (!status) {
                  ctx.Error(absl::NotFoundError("no job " + ctx.Match(1)));
                  return;
                }
                ctx.Json(JobStatusJson(*status));
              },
              "One job's state and progress", "/api/v1/jobs/1");
}

}  // namespace tw::server
