// Country names from Debian's iso-codes data (package iso-codes,
// /usr/share/iso-codes/json/iso_3166-1.json): its `name`, `official_name` and `common_name` of
// each country, by ISO alpha-3 code. Extra aliases only: the embedded UN data suffices, so a
// missing, oversized or broken file yields no names, never an error. Thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_ISO_CODES_NAMES_H_
#define TREATYWATCH_NEGOTIATION_ISO_CODES_NAMES_H_

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace tw::negotiation {

inline constexpr char kIsoCodesJsonPath[] = "/usr/share/iso-codes/json/iso_3166-1.json";

// The file is about 100 KB; anything past this bound is not the iso-codes data.
inline constexpr std::size_t kMaxIsoCodesJsonBytes = 8 << 20;

// Alpha-3 code → its names in the file's order, without duplicates. Empty when the file cannot
// be read or parsed.
std::map<std::string, std::vector<std::string>> ReadIsoCodesNames(const std::string& path);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_ISO_CODES_NAMES_H_
