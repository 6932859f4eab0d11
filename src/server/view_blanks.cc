#include "server/view_blanks.h"

namespace tw::server {

void BlanksToFalse(nlohmann::json& view) {
  if (view.is_string()) {
    if (view.get_ref<const std::string&>().empty()) view = nullptr;
    return;
  }
  if (view.is_object() || view.is_array()) {
    for (nlohmann::json& item : view) BlanksToFalse(item);
  }
}

}  // namespace tw::server
