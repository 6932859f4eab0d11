// Writes the HTML report of the hand-made comparisons (report_samples.h) for the browser check
// (tests/browser/report_html_check.mjs): report_html_sample SAMPLE.html HOSTILE.html
#include <filesystem>
#include <fstream>
#include <iostream>

#include "compare/report_html.h"
#include "report_samples.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: report_html_sample SAMPLE.html HOSTILE.html\n";
    return 2;
  }
  const tw::compare::Comparison comparisons[] = {tw::compare::testing::SampleComparison(),
                                                 tw::compare::testing::HostileComparison()};
  for (int k = 0; k < 2; ++k) {
    const std::filesystem::path path = argv[k + 1];
    std::error_code ignored;  // a missing folder shows up as the write error below
    std::filesystem::create_directories(path.parent_path(), ignored);
    std::ofstream out(path, std::ios::binary);
    out << tw::compare::RenderHtml(comparisons[k]);
    if (!out.flush()) {
      std::cerr << "report_html_sample: cannot write " << argv[k + 1] << "\n";
      return 2;
    }
  }
  return 0;
}
