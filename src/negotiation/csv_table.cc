#include "negotiation/csv_table.h"

#include <csv.h>
#include <fmt/format.h>

#include <cctype>
#include <string>

#include "absl/status/status.h"

#include "text/ascii_case.h"

namespace tw::negotiation {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool SameName(std::string_view a, std::string_view b) { return text::EqualsIgnoringAsciiCase(a, b); }

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::string FieldCount(std::size_t n) { return fmt::format("{} field{}", n, n == 1 ? "" : "s"); }

// libcsv reports fields and record ends through C callbacks; this collects them. The input is
// fed one line at a time so that `line` is the line being read when a callback fires.
struct Collector {
  std::vector<CsvRow> rows;
  std::vector<std::string> fields;
  int line = 0;       // the line being fed
  int row_start = 0;  // line the current record began on; 0 between records
  bool too_many_fields = false;
  bool too_many_rows = false;

  static void OnField(void* data, std::size_t size, void* self) {
    auto* c = static_cast<Collector*>(self);
    if (c->row_start == 0) c->row_start = c->line;
    if (c->fields.size() >= kMaxCsvFields) {
      c->too_many_fields = true;
      return;
    }
    c->fields.emplace_back(data == nullptr ? "" : static_cast<const char*>(data), size);
  }

  static void OnRecord(int /*terminator*/, void* self) {
    auto* c = static_cast<Collector*>(self);
    if (c->row_start == 0) c->row_start = c->line;
    // The header is row 0, so kMaxCsvRows data rows make kMaxCsvRows + 1 records.
    if (c->rows.size() > kMaxCsvRows) {
      c->too_many_rows = true;
    } else {
      c->rows.push_back(CsvRow{c->row_start, std::move(c->fields)});
    }
    c->fields.clear();
    c->row_start = 0;
  }
};

// RAII for the parser's buffer.
class Parser {
 public:
  Parser() : ok_(csv_init(&parser_, CSV_STRICT | CSV_STRICT_FINI) == 0) {}
  ~Parser() {
    if (ok_) csv_free(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  bool ok() const { return ok_; }
  csv_parser* get() { return &parser_; }

 private:
  csv_parser parser_{};
  bool ok_;
};

}  // namespace

int CsvTable::Column(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (SameName(header[i], name)) return static_cast<int>(i);
  }
  return -1;
}

absl::StatusOr<CsvTable> ReadCsvTable(std::string_view csv, std::string_view file_name) {
  if (csv.size() > kMaxCsvBytes) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: {} bytes is more than the {} byte limit for a record file", file_name,
                    csv.size(), kMaxCsvBytes));
  }
  if (csv.substr(0, kBom.size()) == kBom) csv.remove_prefix(kBom.size());

  Parser parser;
  if (!parser.ok()) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: out of memory starting the CSV parser", file_name));
  }
  Collector collector;
  std::size_t pos = 0;
  while (pos < csv.size() && !collector.too_many_rows && !collector.too_many_fields) {
    std::size_t end = csv.find('\n', pos);
    end = end == std::string_view::npos ? csv.size() : end + 1;
    ++collector.line;
    const std::size_t length = end - pos;
    if (csv_parse(parser.get(), csv.data() + pos, length, &Collector::OnField, &Collector::OnRecord,
                  &collector) != length) {
      return absl::InvalidArgumentError(
          fmt::format("{}: line {}: {}", file_name,
                      collector.row_start != 0 ? collector.row_start : collector.line,
                      csv_error(parser.get()) == CSV_EPARSE
                          ? std::string("malformed quoting (RFC 4180: a quote inside a field "
                                        "must be doubled and the field quoted)")
                          : std::string(csv_strerror(csv_error(parser.get())))));
    }
    // A quoted field running on past this line: the record began here.
    if (collector.row_start == 0 && parser.get()->pstate != 0) {
      collector.row_start = collector.line;
    }
    pos = end;
  }
  if (!collector.too_many_rows && !collector.too_many_fields &&
      csv_fini(parser.get(), &Collector::OnField, &Collector::OnRecord, &collector) != 0) {
    return absl::InvalidArgumentError(
        fmt::format("{}: line {}: a quoted field is not closed before the end of the file",
                    file_name, collector.row_start != 0 ? collector.row_start : collector.line));
  }
  if (collector.too_many_rows) {
    return absl::ResourceExhaustedError(
        fmt::format("{}: line {}: more than {} rows", file_name, collector.line, kMaxCsvRows));
  }
  if (collector.too_many_fields) {
    return absl::ResourceExhaustedError(fmt::format(
        "{}: line {}: more than {} fields in one row", file_name,
        collector.row_start != 0 ? collector.row_start : collector.line, kMaxCsvFields));
  }
  if (collector.rows.empty()) {
    return absl::InvalidArgumentError(
        fmt::format("{}: line 1: the file is empty; it needs a header line", file_name));
  }

  CsvTable table;
  table.header_line = collector.rows.front().line;
  for (const std::string& name : collector.rows.front().fields) table.header.push_back(Trim(name));
  for (std::size_t i = 0; i < table.header.size(); ++i) {
    if (table.header[i].empty()) continue;
    for (std::size_t j = 0; j < i; ++j) {
      if (SameName(table.header[i], table.header[j])) {
        return absl::InvalidArgumentError(
            fmt::format("{}: line {}: column '{}' appears twice (columns {} and {})", file_name,
                        table.header_line, table.header[i], j + 1, i + 1));
      }
    }
  }
  const std::string header_list = fmt::format("{}", fmt::join(table.header, ","));
  for (std::size_t r = 1; r < collector.rows.size(); ++r) {
    CsvRow& row = collector.rows[r];
    if (row.fields.size() != table.header.size()) {
      return absl::InvalidArgumentError(
          fmt::format("{}: line {}: {} where the header has {} ({})", file_name, row.line,
                      FieldCount(row.fields.size()), table.header.size(), header_list));
    }
    table.rows.push_back(std::move(row));
  }
  return table;
}

absl::Status RequireColumns(const CsvTable& table, std::string_view file_name,
                            const std::vector<std::string_view>& required) {
  for (std::string_view name : required) {
    if (table.Column(name) < 0) {
      return absl::InvalidArgumentError(
          fmt::format("{}: line {}: missing column '{}' (the header must name {})", file_name,
                      table.header_line, name, fmt::join(required, ", ")));
    }
  }
  return absl::OkStatus();
}

}  // namespace tw::negotiation
