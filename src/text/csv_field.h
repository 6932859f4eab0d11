// Writing CSV (RFC 4180) that spreadsheets open safely: one field quoted when it must be, one
// record line, and the formula guard (a cell starting with = + - @, tab or CR runs as a formula
// in a spreadsheet). Every CSV treatywatch writes goes through here. Pure functions.
#ifndef TREATYWATCH_TEXT_CSV_FIELD_H_
#define TREATYWATCH_TEXT_CSV_FIELD_H_

#include <string>
#include <string_view>
#include <vector>

namespace tw::text {

// A field as RFC 4180 writes it: quoted when it holds a comma, a quote, CR or LF, or starts
// or ends with a space or tab (a reader would trim those). No formula guard: see below.
std::string CsvField(std::string_view value);
// One record line: the fields joined by commas, ending in CRLF as RFC 4180 asks.
std::string CsvLine(const std::vector<std::string>& fields);

// The guard puts an apostrophe before a value that would run as a formula, and before a value
// that already is apostrophes followed by such a character, so that UnguardCsvField undoes it
// exactly: the two are inverse.
std::string GuardCsvField(std::string_view value);
std::string UnguardCsvField(std::string_view value);

// Guarded, then quoted: a field of a report meant for spreadsheets.
inline std::string SafeCsvField(std::string_view value) { return CsvField(GuardCsvField(value)); }

}  // namespace tw::text

#endif  // TREATYWATCH_TEXT_CSV_FIELD_H_
