// text_to_docx IN.txt OUT.docx [--tracked-changes NEW.txt]
//
// Writes canonical text as a real DOCX (see docx_writer.h). The input is read with the
// project's plain-text reader, so the DOCX has exactly the blocks `treatywatch ingest IN.txt`
// sees — the property the format tests rely on. With --tracked-changes, IN is the base text
// and the differences to NEW are tracked changes. Errors: one line on stderr, exit code 2.
#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "docx_writer.h"
#include "ingest/reader.h"
#include "ingest/txt_reader.h"

namespace {

constexpr int kExitError = 2;

absl::StatusOr<std::vector<std::string>> ReadLines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(fmt::format("{}: cannot be opened", path));
  std::ostringstream bytes;
  bytes << in.rdbuf();
  absl::StatusOr<tw::doc::SourceText> text =
      tw::ingest::ReadPlainText(path, bytes.str(), tw::ingest::ReadOptions{});
  if (!text.ok()) return text.status();
  std::vector<std::string> lines;
  std::size_t start = 0;
  const std::string& t = text->text;
  while (start <= t.size()) {
    const std::size_t end = std::min(t.find('\n', start), t.size());
    lines.push_back(t.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

int Fail(const std::string& message) {
  std::fprintf(stderr, "text_to_docx: %s\n", message.c_str());
  return kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string revised_path;
  std::vector<std::string> positional;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--tracked-changes") {
      if (i + 1 >= args.size()) return Fail("--tracked-changes needs a file");
      revised_path = args[++i];
    } else {
      positional.push_back(args[i]);
    }
  }
  if (positional.size() != 2) {
    return Fail("usage: text_to_docx IN.txt OUT.docx [--tracked-changes NEW.txt]");
  }
  try {
    absl::StatusOr<std::vector<std::string>> base = ReadLines(positional[0]);
    if (!base.ok()) return Fail(std::string(base.status().message()));
    absl::StatusOr<std::string> docx;
    if (revised_path.empty()) {
      docx = tw::tools::WriteDocx(*base);
    } else {
      absl::StatusOr<std::vector<std::string>> revised = ReadLines(revised_path);
      if (!revised.ok()) return Fail(std::string(revised.status().message()));
      docx = tw::tools::WriteTrackedDocx(*base, *revised);
    }
    if (!docx.ok())
      return Fail(fmt::format("{}: {}", positional[1], std::string(docx.status().message())));
    std::ofstream out(positional[1], std::ios::binary | std::ios::trunc);
    out.write(docx->data(), static_cast<std::streamsize>(docx->size()));
    out.close();
    if (!out) return Fail(fmt::format("{}: cannot be written", positional[1]));
  } catch (const std::exception& e) {
    return Fail(e.what());
  }
  return 0;
}
