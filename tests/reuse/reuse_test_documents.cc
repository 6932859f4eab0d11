#include "tests/reuse/reuse_test_documents.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "ingest/document_builder.h"

namespace tw::reuse::testing {

std::string ReadCorpusText(const std::string& corpus_dir, const std::string& name) {
  std::ifstream in(corpus_dir + "/" + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

doc::Document MakeDocument(std::string text, const std::string& symbol, const std::string& date) {
  doc::SourceText source;
  source.text = std::move(text);
  doc::DocumentMeta meta;
  meta.symbol = symbol;
  meta.date = date;
  return ingest::BuildDocumentFromSource(std::move(source), meta);
}

}  // namespace tw::reuse::testing
