// Each feature module adds its routes to the table; its handlers are in <area>_api.cc (JSON
// under /api/v1/) and <area>_pages.cc (HTML). Server::Create calls every function here.
#ifndef TREATYWATCH_SERVER_SERVER_ROUTES_H_
#define TREATYWATCH_SERVER_SERVER_ROUTES_H_

#include "server/route_table.h"

namespace tw::server {

void RegisterStaticRoutes(RouteTable& routes);  // /static/*, /vendor/*
void RegisterAuthRoutes(RouteTable& routes);    // login, logout, users, audit log
void RegisterJobRoutes(RouteTable& routes);     // /api/v1/jobs
void RegisterDocumentApi(RouteTable& routes);   // documents, provisions, upload, search
void RegisterCompareApi(RouteTable& routes);    // diff, crosswalk, history
void RegisterAuditApi(RouteTable& routes);
void RegisterNegotiationApi(RouteTable& routes);  // actors, sessions, statements, positions,
                                                  // votes, coalitions
void RegisterFactCheckApi(RouteTable& routes);  // claims, fact-checks, exports
void RegisterDocumentPages(RouteTable& routes);  // home, documents, reader, upload, search
void RegisterComparePages(RouteTable& routes);
void RegisterAuditPages(RouteTable& routes);
void RegisterNegotiationPages(RouteTable& routes);
void RegisterFactCheckPages(RouteTable& routes);  // and the public fact-check pages

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_SERVER_ROUTES_H_
