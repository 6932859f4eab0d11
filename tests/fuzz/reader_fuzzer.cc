// libFuzzer target: any bytes given to each reader (by the format in the first byte) must give
// a SourceText that meets its contract or an error — never a crash, a hang or an exception.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "ingest/reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  constexpr tw::ingest::SourceFormat kFormats[] = {
      tw::ingest::SourceFormat::kText, tw::ingest::SourceFormat::kMarkdown,
      tw::ingest::SourceFormat::kHtml, tw::ingest::SourceFormat::kDocx,
      tw::ingest::SourceFormat::kPdf};
  const auto format = kFormats[data[0] % 5];
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  tw::ingest::ReadOptions options;
  options.limits.max_uncompressed_bytes = 8u << 20;
  auto text = tw::ingest::ReadSource("fuzz", bytes, format, options);
  if (!text.ok()) return 0;
  // The contract: no empty lines, spans sorted and inside the text.
  const std::string& t = text->text;
  if (t.find("\n\n") != std::string::npos) std::abort();
  std::size_t previous = 0;
  for (const auto& span : text->spans) {
    if (span.text_begin < previous || (span.text_begin > t.size() && !t.empty())) std::abort();
    previous = span.text_begin;
  }
  return 0;
}
