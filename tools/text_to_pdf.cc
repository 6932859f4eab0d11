// text_to_pdf IN.txt OUT.pdf [--symbol S] [--job J] [--title T]
// Lays out canonical text (one block per line) as a UN-style PDF; see pdf_writer.h.
// Errors go to stderr as one line; exit code 2.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "pdf_writer.h"

namespace {

constexpr char kUsage[] = "usage: text_to_pdf IN.txt OUT.pdf [--symbol S] [--job J] [--title T]";
// Fixture inputs are treaty texts; anything far larger is a mistake.
constexpr std::streamsize kMaxInputBytes = 16 << 20;

int Fail(const std::string& message) {
  std::cerr << "text_to_pdf: " << message << "\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> positional;
  tw::tools::UnPdfOptions options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--symbol" || arg == "--job" || arg == "--title") {
      if (i + 1 >= argc) return Fail(arg + " needs a value; " + kUsage);
      const std::string value = argv[++i];
      if (arg == "--symbol") options.symbol = value;
      if (arg == "--job") options.job = value;
      if (arg == "--title") options.title = value;
    } else if (arg.rfind("--", 0) == 0) {
      return Fail("unknown option " + arg + "; " + kUsage);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() != 2) return Fail(kUsage);
  std::ifstream in(positional[0], std::ios::binary | std::ios::ate);
  if (!in) return Fail(positional[0] + ": cannot be opened");
  const std::streamsize size = in.tellg();
  if (size < 0) return Fail(positional[0] + ": cannot be read");
  if (size > kMaxInputBytes) return Fail(positional[0] + ": over 16 MB");
  std::string text(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(text.data(), size);
  if (in.gcount() != size) return Fail(positional[0] + ": cannot be read");
  try {
    auto pdf = tw::tools::WriteUnStylePdf(positional[0], text, options);
    if (!pdf.ok()) return Fail(std::string(pdf.status().message()));
    std::ofstream out(positional[1], std::ios::binary | std::ios::trunc);
    out.write(pdf->data(), static_cast<std::streamsize>(pdf->size()));
    out.close();
    if (!out) return Fail(positional[1] + ": cannot be written");
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
  return 0;
}
