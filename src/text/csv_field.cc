#include "text/csv_field.h"

namespace tw::text {

std::string CsvField(std::string_view value) {
  bool quote = !value.empty() && (value.front() == ' ' || value.front() == '\t' ||
                                  value.back() == ' ' || value.back() == '\t');
  for (char c : value) {
    if (c == ',' || c == '"' || c == '\r' || c == '\n') quote = true;
  }
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string CsvLine(const std::vector<std::string>& fields) {
  std::string line;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) line += ',';
    line += CsvField(fields[i]);
  }
  line += "\r\n";
  return line;
}

namespace {

bool IsFormulaStart(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Apostrophes followed by a formula character: the values the guard prefixes.
bool NeedsGuard(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size() && value[i] == '\'') ++i;
  return i < value.size() && IsFormulaStart(value[i]);
}

}  // namespace

std::string GuardCsvField(std::string_view value) {
  if (!NeedsGuard(value)) return std::string(value);
  return "'" + std::string(value);
}

std::string UnguardCsvField(std::string_view value) {
  if (value.empty() || value.front() != '\'' || !NeedsGuard(value)) return std::string(value);
  return std::string(value.substr(1));
}

}  // namespace tw::text
