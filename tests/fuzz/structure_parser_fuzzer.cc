// libFuzzer target: any bytes through the txt reader and the structure parser must neither
// crash nor hang, and every offset the parser reports must lie inside the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "doc/structure_parser.h"
#include "ingest/txt_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto text = tw::ingest::ReadPlainText("fuzz.txt", bytes, tw::ingest::ReadOptions{});
  if (!text.ok()) return 0;
  const tw::doc::ParsedStructure parsed = tw::doc::ParseStructure(*text);
  const std::size_t n = text->text.size();
  tw::doc::VisitProvisions(parsed.root, [&](const tw::doc::Provision& p, int) {
    if (p.begin > p.end || p.end > n) std::abort();
    for (const auto& span : p.brackets) {
      if (span.begin >= span.end || span.end > n) std::abort();
    }
  });
  for (const auto& ref : parsed.references) {
    if (ref.begin > ref.end || ref.end > n) std::abort();
  }
  return 0;
}
