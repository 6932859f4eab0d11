// Rendering a negotiation page: the view passes through BlankToNull first, because mustache
// treats an empty string as true — {{#date}}…{{/date}} would show the frame of a date that is
// not there. Null renders as nothing in {{x}} and hides a section.
#ifndef TREATYWATCH_SERVER_NEGOTIATION_VIEW_H_
#define TREATYWATCH_SERVER_NEGOTIATION_VIEW_H_

#include <string_view>

#include <nlohmann/json.hpp>

#include "server/request_context.h"

namespace tw::server {

// Every empty string in `view`, at any depth, becomes null.
void BlankToNull(nlohmann::json& view);

// ctx.Page(name, title, view, status) with the view's blanks made null.
void NegotiationPage(RequestContext& ctx, std::string_view name, std::string_view title,
                     nlohmann::json view, int status = 200);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_NEGOTIATION_VIEW_H_
