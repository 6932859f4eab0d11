// The CSV layer over libcsv: line numbers, RFC 4180 quoting both ways, limits, and the formula
// guard that must be exactly undone on reading.
#include "negotiation/csv_table.h"
#include "text/csv_field.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace tw::negotiation {
namespace {

// The writer moved to text/csv_field.h; its tests stay beside the reader they round-trip with.
using text::CsvField;
using text::CsvLine;
using text::GuardCsvField;
using text::UnguardCsvField;

using testing::ElementsAre;

TEST(CsvTableTest, BomCrlfQuotingAndLineNumbers) {
  const std::string csv =
      "\xEF\xBB\xBF"
      "Actor , Ballot\r\n"
      "Brazil,yes\r\n"
      "\r\n"
      "\"Bosnia and Herzegovina\",\"a \"\"quoted\"\"\r\nword\"\r\n"
      "  Chile  ,no";
  absl::StatusOr<CsvTable> table = ReadCsvTable(csv, "v.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  EXPECT_THAT(table->header, ElementsAre("Actor", "Ballot"));
  EXPECT_EQ(table->Column("actor"), 0);
  EXPECT_EQ(table->Column("BALLOT"), 1);
  EXPECT_EQ(table->Column("note"), -1);
  ASSERT_EQ(table->rows.size(), 3u);
  EXPECT_EQ(table->rows[0].line, 2);
  EXPECT_THAT(table->rows[0].fields, ElementsAre("Brazil", "yes"));
  EXPECT_EQ(table->rows[1].line, 4);  // the blank line 3 is skipped; the record spans 4-5
  EXPECT_THAT(table->rows[1].fields, ElementsAre("Bosnia and Herzegovina", "a \"quoted\"\r\nword"));
  EXPECT_EQ(table->rows[2].line, 6);
  EXPECT_THAT(table->rows[2].fields, ElementsAre("Chile", "no"));
}

TEST(CsvTableTest, QuotedFieldStartingAcrossLinesKeepsItsFirstLine) {
  absl::StatusOr<CsvTable> table = ReadCsvTable("a,b\n\"x\ny\nz\",1\n2,3\n", "t.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0].line, 2);
  EXPECT_EQ(table->rows[0].fields[0], "x\ny\nz");
  EXPECT_EQ(table->rows[1].line, 5);
}

struct BadCsv {
  const char* csv;
  const char* message;
};

class BadCsvTest : public testing::TestWithParam<BadCsv> {};

TEST_P(BadCsvTest, ExactMessage) {
  absl::StatusOr<CsvTable> table = ReadCsvTable(GetParam().csv, "f.csv");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().message(), GetParam().message);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, BadCsvTest,
    testing::Values(
        BadCsv{"", "f.csv: line 1: the file is empty; it needs a header line"},
        BadCsv{"\n\r\n  \n", "f.csv: line 1: the file is empty; it needs a header line"},
        BadCsv{"a,b\nx\n", "f.csv: line 2: 1 field where the header has 2 (a,b)"},
        BadCsv{"a,b\nx,y,z\n", "f.csv: line 2: 3 fields where the header has 2 (a,b)"},
        BadCsv{"a,b\nx,y\"z\n",
               "f.csv: line 2: malformed quoting (RFC 4180: a quote inside a field must be "
               "doubled and the field quoted)"},
        BadCsv{"a,b\n\"x\" y,z\n",
               "f.csv: line 2: malformed quoting (RFC 4180: a quote inside a field must be "
               "doubled and the field quoted)"},
        BadCsv{"a,b\nx,\"open\nstill open\n",
               "f.csv: line 2: a quoted field is not closed before the end of the file"},
        BadCsv{"actor,Actor\n", "f.csv: line 1: column 'Actor' appears twice (columns 1 and 2)"}));

TEST(CsvTableTest, RequireColumnsNamesTheMissingOne) {
  absl::StatusOr<CsvTable> table = ReadCsvTable("actor,vote\nBrazil,yes\n", "v.csv");
  ASSERT_TRUE(table.ok());
  EXPECT_TRUE(RequireColumns(*table, "v.csv", {"actor"}).ok());
  EXPECT_EQ(RequireColumns(*table, "v.csv", {"actor", "ballot"}).message(),
            "v.csv: line 1: missing column 'ballot' (the header must name actor, ballot)");
}

TEST(CsvTableTest, RowLimit) {
  std::string csv = "a\n";
  for (std::size_t i = 0; i <= kMaxCsvRows; ++i) csv += "x\n";
  absl::StatusOr<CsvTable> table = ReadCsvTable(csv, "big.csv");
  ASSERT_FALSE(table.ok());
  EXPECT_EQ(table.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(table.status().message()), testing::HasSubstr("more than 200000 rows"));
  csv.resize(csv.size() - 2);  // exactly the limit
  EXPECT_TRUE(ReadCsvTable(csv, "big.csv").ok());
}

TEST(CsvTableTest, FieldAndByteLimits) {
  std::string wide(kMaxCsvFields, ',');
  EXPECT_EQ(ReadCsvTable(wide, "w.csv").status().code(), absl::StatusCode::kResourceExhausted);
  const std::string huge(kMaxCsvBytes + 1, 'a');
  EXPECT_EQ(ReadCsvTable(huge, "h.csv").status().code(), absl::StatusCode::kResourceExhausted);
}

TEST(CsvFieldTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField(" padded "), "\" padded \"");
  EXPECT_EQ(CsvLine({"a", "b,c", ""}), "a,\"b,c\",\r\n");
}

TEST(CsvFieldTest, WrittenFieldsReadBackUnchanged) {
  const std::vector<std::string> values = {"plain",    "a,b", "say \"no\"",   "two\r\nlines",
                                           " padded ", "",    "Côte d'Ivoire"};
  std::vector<std::string> header;
  for (std::size_t i = 0; i < values.size(); ++i) header.push_back("c" + std::to_string(i));
  const std::string csv = CsvLine(header) + CsvLine(values);
  absl::StatusOr<CsvTable> table = ReadCsvTable(csv, "rt.csv");
  ASSERT_TRUE(table.ok()) << table.status();
  ASSERT_EQ(table->rows.size(), 1u);
  EXPECT_EQ(table->rows[0].fields, values);
}

TEST(FormulaGuardTest, GuardsFormulaStarts) {
  EXPECT_EQ(GuardCsvField("=SUM(A1)"), "'=SUM(A1)");
  EXPECT_EQ(GuardCsvField("+1"), "'+1");
  EXPECT_EQ(GuardCsvField("-delete"), "'-delete");
  EXPECT_EQ(GuardCsvField("@cmd"), "'@cmd");
  EXPECT_EQ(GuardCsvField("\tx"), "'\tx");
  EXPECT_EQ(GuardCsvField("art24"), "art24");
  EXPECT_EQ(GuardCsvField("it's fine"), "it's fine");
  EXPECT_EQ(GuardCsvField("'quoted'"), "'quoted'");
  EXPECT_EQ(GuardCsvField("'=x"), "''=x");
}

TEST(FormulaGuardTest, UnguardIsTheInverse) {
  for (const char* value :
       {"=SUM(A1)", "+1", "-", "@", "'=x", "''-y", "'", "''", "'a", "a=b", "", "plain", "\rcr"}) {
    EXPECT_EQ(UnguardCsvField(GuardCsvField(value)), value) << value;
  }
  // What a guard never writes is read as written.
  EXPECT_EQ(UnguardCsvField("'abc"), "'abc");
}

}  // namespace
}  // namespace tw::negotiation
