#include "negotiation/iso_codes_names.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "nlohmann/json.hpp"

namespace tw::negotiation {
namespace {

bool ReadBounded(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  text->assign(std::istreambuf_iterator<char>(in.rdbuf()),
               std::istreambuf_iterator<char>());
  return !in.bad() && text->size() <= kMaxIsoCodesJsonBytes;
}

}  // namespace

std::map<std::string, std::vector<std::string>> ReadIsoCodesNames(const std::string& path) {
  std::map<std::string, std::vector<std::string>> names;
  std::string text;
  // The size is checked before reading so a huge file (or a FIFO) is not slurped.
  {
    std::ifstream probe(path, std::ios::binary | std::ios::ate);
    if (!probe) return names;
    std::streamoff size = probe.tellg();
    if (size < 0 || static_cast<std::size_t>(size) > kMaxIsoCodesJsonBytes) return names;
  }
  if (!ReadBounded(path, &text)) return names;
  // No exceptions: parse errors give a discarded value, and every access below checks types.
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) return names;
  auto countries = json.find("3166-1");
  if (countries == json.end() || !countries->is_array()) return names;
  for (const nlohmann::json& country : *countries) {
    if (!country.is_object()) continue;
    auto alpha3 = country.find("alpha_3");
    if (alpha3 == country.end() || !alpha3->is_string()) continue;
    std::vector<std::string>& list = names[alpha3->get<std::string>()];
    for (const char* field : {"name", "official_name", "common_name"}) {
      auto value = country.find(field);
      if (value == country.end() || !value->is_string()) continue;
      std::string name = value->get<std::string>();
      if (!name.empty() && std::find(list.begin(), list.end(), name) == list.end()) {
        list.push_back(std::move(name));
      }
    }
  }
  return names;
}

}  // namespace tw::negotiation
