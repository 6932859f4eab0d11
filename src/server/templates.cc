#include "server/templates.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

namespace tw::server {
namespace {

namespace mustache = kainjow::mustache;

// JSON → mustache data. Numbers become their JSON text; null is false, so {{#x}} hides it.
mustache::data ToData(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object: {
      mustache::data object{mustache::data::type::object};
      for (const auto& [key, item] : value.items()) object.set(key, ToData(item));
      return object;
    }
    case nlohmann::json::value_t::array: {
      mustache::data list{mustache::data::type::list};
      for (const auto& item : value) list.push_back(ToData(item));
      return list;
    }
    // An empty string is false, so {{#x}}…{{/x}} hides a blank field as it hides a missing one.
    case nlohmann::json::value_t::string:
      if (value.get_ref<const std::string&>().empty()) return mustache::data{false};
      return mustache::data{value.get<std::string>()};
    case nlohmann::json::value_t::boolean: return mustache::data{value.get<bool>()};
    case nlohmann::json::value_t::null:
    case nlohmann::json::value_t::discarded: return mustache::data{false};
    default: return mustache::data{value.dump()};
  }
}

}  // namespace

absl::StatusOr<Templates> Templates::Load(const std::string& dir) {
  Templates templates;
  std::error_code error;
  std::filesystem::directory_iterator entries(dir, error);
  if (error) {
    return absl::NotFoundError("web templates folder " + dir + ": " + error.message());
  }
  for (const auto& entry : entries) {
    if (entry.path().extension() != ".mustache") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) {
      return absl::UnavailableError("cannot read template " + entry.path().string());
    }
    mustache::mustache parsed{text.str()};
    if (!parsed.is_valid()) {
      return absl::InvalidArgumentError(entry.path().string() + ": " + parsed.error_message());
    }
    templates.sources_[entry.path().stem().string()] = text.str();
  }
  if (templates.sources_.empty()) {
    return absl::NotFoundError("no *.mustache template in " + dir);
  }
  // Partials share the view's namespace in kainjow, so only the templates some template
  // includes ({{> name}}) are offered as partials: a section over a missing view key must not
  // find a whole template under that name.
  for (const auto& [name, source] : templates.sources_) {
    for (std::size_t at = source.find("{{>"); at != std::string::npos;
         at = source.find("{{>", at + 3)) {
      std::size_t start = at + 3;
      while (start < source.size() && source[start] == ' ') ++start;
      std::size_t end = start;
      while (end < source.size() && source[end] != ' ' && source[end] != '}') ++end;
      const std::string included = source.substr(start, end - start);
      if (templates.sources_.count(included) == 0) {
        return absl::InvalidArgumentError(fmt::format(
            "{}/{}.mustache: includes {{{{> {}}}}}, but there is no {}.mustache", dir, name,
            included, included));
      }
      templates.partials_.insert(included);
    }
  }
  return templates;
}

absl::StatusOr<std::string> Templates::Render(std::string_view name,
                                              const nlohmann::json& view) const {
  auto found = sources_.find(std::string(name));
  if (found == sources_.end()) {
    return absl::InternalError("no template named " + std::string(name));
  }
  mustache::data data = ToData(view.is_object() ? view : nlohmann::json::object());
  for (const std::string& partial_name : partials_) {
    if (view.is_object() && view.contains(partial_name)) continue;
    const std::string* text = &sources_.at(partial_name);
    data.set(partial_name, mustache::partial{[text] { return *text; }});
  }
  // Parsed per render: kainjow's render is not const, and the templates are small.
  mustache::mustache parsed{found->second};
  std::string rendered = parsed.render(data);
  if (!parsed.is_valid()) {
    return absl::InternalError("template " + found->first + ": " + parsed.error_message());
  }
  return rendered;
}

}  // namespace tw::server
