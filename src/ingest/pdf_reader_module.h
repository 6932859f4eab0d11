// The PDF reader as an optional module (ingest/optional_module.h): poppler and its ≈ 30 font and
// image libraries load only when a PDF is read. pdf_reader.cc is the module (built as
// lib/treatywatch/libtw_pdf_reader.so); ReadPdf (pdf_reader.h) loads it on first use.
#ifndef TREATYWATCH_INGEST_PDF_READER_MODULE_H_
#define TREATYWATCH_INGEST_PDF_READER_MODULE_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "doc/source_text.h"
#include "ingest/optional_module.h"
#include "ingest/reader.h"

namespace tw::ingest {

struct PdfReaderModule {
  int abi = kOptionalModuleAbi;  // first member, checked by LoadOptionalModule
  // ReadPdf's contract (pdf_reader.h); never throws.
  absl::StatusOr<doc::SourceText> (*read_pdf)(std::string_view name, std::string_view bytes,
                                              const ReadOptions& options) = nullptr;
};

inline constexpr std::string_view kPdfReaderModuleFile = "libtw_pdf_reader.so";
inline constexpr std::string_view kPdfReaderModuleEntry = "TwPdfReaderModule";

}  // namespace tw::ingest

// The module's entry: its PdfReaderModule table.
extern "C" const void* TwPdfReaderModule();

#endif  // TREATYWATCH_INGEST_PDF_READER_MODULE_H_
