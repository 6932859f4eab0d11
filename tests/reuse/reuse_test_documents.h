// What the text-reuse tests and benchmarks build their inputs from: the real texts of
// ../shared/corpus, and documents made from plain text as ingest would store them.
#ifndef TREATYWATCH_TESTS_REUSE_REUSE_TEST_DOCUMENTS_H_
#define TREATYWATCH_TESTS_REUSE_REUSE_TEST_DOCUMENTS_H_

#include <string>

#include "doc/document.h"

namespace tw::reuse::testing {

// The text of `name` in the corpus folder `corpus_dir` (empty when it cannot be read).
std::string ReadCorpusText(const std::string& corpus_dir, const std::string& name);

// `text` stored as a document with its symbol and date (YYYY-MM-DD, or empty).
doc::Document MakeDocument(std::string text, const std::string& symbol, const std::string& date);

}  // namespace tw::reuse::testing

#endif  // TREATYWATCH_TESTS_REUSE_REUSE_TEST_DOCUMENTS_H_
