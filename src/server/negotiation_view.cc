#include "server/negotiation_view.h"

#include <utility>

namespace tw::server {

void BlankToNull(nlohmann::json& view) {
  if (view.is_string()) {
    if (view.get_ref<const std::string&>().empty()) view = nullptr;
  } else if (view.is_structured()) {
    for (nlohmann::json& item : view) BlankToNull(item);
  }
}

void NegotiationPage(RequestContext& ctx, std::string_view name, std::string_view title,
                     nlohmann::json view, int status) {
  BlankToNull(view);
  ctx.Page(name, title, std::move(view), status);
}

}  // namespace tw::server
