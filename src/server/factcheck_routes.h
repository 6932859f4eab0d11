// The fact-check area's route groups beyond the two server_routes.h declares: RegisterFactCheckApi
// also adds the exports and the reader's evidence route, RegisterFactCheckPages the public
// pages. One file per group.
#ifndef TREATYWATCH_SERVER_FACTCHECK_ROUTES_H_
#define TREATYWATCH_SERVER_FACTCHECK_ROUTES_H_

#include "server/route_table.h"

namespace tw::server {

void RegisterFactCheckExports(RouteTable& routes);       // factcheck_exports.cc
void RegisterEvidenceSelection(RouteTable& routes);      // evidence_selection.cc
void RegisterPublicFactCheckPages(RouteTable& routes);   // public_factcheck_pages.cc

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_FACTCHECK_ROUTES_H_
