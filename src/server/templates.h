// Templates: the web UI's mustache templates (web/templates/*.mustache), loaded once at start.
// A view is plain JSON; {{name}} escapes HTML, {{{name}}} does not and is used only for HTML
// the server itself rendered from escaped parts (a redline, a rendered template). Any template
// can include another as a partial ({{> name}}); an empty string in a view is false, like a
// missing key.
//
// Thread safety: Render may be called from any thread once loaded.
#ifndef TREATYWATCH_SERVER_TEMPLATES_H_
#define TREATYWATCH_SERVER_TEMPLATES_H_

#include <map>
#include <set>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"

namespace tw::server {

class Templates {
 public:
  // Every *.mustache in `dir`, named by file stem. A template that does not parse is an
  // InvalidArgument naming the file and the mustache error.
  static absl::StatusOr<Templates> Load(const std::string& dir);

  absl::StatusOr<std::string> Render(std::string_view name, const nlohmann::json& view) const;
  bool Has(std::string_view name) const { return sources_.count(std::string(name)) > 0; }

 private:
  std::map<std::string, std::string> sources_;
  std::set<std::string> partials_;  // the templates some template includes
};

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_TEMPLATES_H_
