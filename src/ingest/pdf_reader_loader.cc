// ReadPdf in the program: forwards to the PDF reader module (pdf_reader_module.h).
#include "ingest/pdf_reader.h"
#include "ingest/pdf_reader_module.h"

namespace tw::ingest {

absl::StatusOr<doc::SourceText> ReadPdf(std::string_view name, std::string_view bytes,
                                        const ReadOptions& options) {
  absl::StatusOr<const void*> module =
      LoadOptionalModule(kPdfReaderModuleFile, kPdfReaderModuleEntry, "reading PDF files");
  if (!module.ok()) return module.status();
  return static_cast<const PdfReaderModule*>(*module)->read_pdf(name, bytes, options);
}

}  // namespace tw::ingest
