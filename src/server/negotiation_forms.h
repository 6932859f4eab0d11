// The web forms that add to the negotiation record: a statement and a position (analysts), a
// session (editors). GET shows the form; POST stores and redirects (303) to the page showing
// the result, or shows the form again with the problem and what was typed (400).
#ifndef TREATYWATCH_SERVER_NEGOTIATION_FORMS_H_
#define TREATYWATCH_SERVER_NEGOTIATION_FORMS_H_

#include "server/route_table.h"

namespace tw::server {

// Called by RegisterNegotiationPages, before the pages whose patterns would match "new".
void RegisterNegotiationForms(RouteTable& routes);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_NEGOTIATION_FORMS_H_
