// CsvTable: an RFC 4180 file read into rows of fields, each row knowing the line it starts on,
// and the quoting that writes one back. The parsing is libcsv's (strict mode); this file adds
// line numbers, a header lookup by column name, the limits untrusted input needs, and the
// guard against formula injection when a table we write is opened in a spreadsheet.
//
// Pure functions over strings; thread-safe.
#ifndef TREATYWATCH_NEGOTIATION_CSV_TABLE_H_
#define TREATYWATCH_NEGOTIATION_CSV_TABLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace tw::negotiation {

// A record file larger than this is refused (the UN's 193 members need a few kilobytes).
inline constexpr std::size_t kMaxCsvBytes = 16u << 20;
// Rows after the header; more is not a negotiation record.
inline constexpr std::size_t kMaxCsvRows = 200000;
// Fields in one row.
inline constexpr std::size_t kMaxCsvFields = 256;

struct CsvRow {
  int line = 0;  // 1-based line the row starts on
  std::vector<std::string> fields;
};

struct CsvTable {
  std::vector<std::string> header;  // as written, trimmed
  int header_line = 1;
  std::vector<CsvRow> rows;  // blank lines skipped

  // Index of the column named `name` (ASCII case-insensitive), or -1.
  int Column(std::string_view name) const;
};

// Parses `csv` (UTF-8; a byte-order mark and CRLF line ends are accepted). Errors name
// `file_name` and the line: an empty file, malformed quoting, a row whose field count differs
// from the header's, a repeated column name, and the limits above.
absl::StatusOr<CsvTable> ReadCsvTable(std::string_view csv, std::string_view file_name);

// Fails with "file: line 1: missing column 'x' (the header must name a, b)" unless every name
// in `required` is a column.
absl::Status RequireColumns(const CsvTable& table, std::string_view file_name,
                            const std::vector<std::string_view>& required);

// Writing CSV: text/csv_field.h.

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_CSV_TABLE_H_
