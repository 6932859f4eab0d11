// Writes the sample briefings as the browser check reads them (tests/browser/report_html_check.mjs,
// kind briefing): the public page, the internal draft and the hostile page, into DIR.
//
//   factcheck_briefing_pages DIR
#include <fstream>
#include <iostream>
#include <string>

#include "briefing_samples.h"
#include "factcheck/briefing.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: factcheck_briefing_pages DIR\n";
    return 2;
  }
  using tw::factcheck::BriefingInput;
  BriefingInput internal = tw::factcheck::testing::SampleBriefing();
  internal.include_unpublished = true;
  const struct {
    const char* name;
    BriefingInput input;
  } pages[] = {
      {"briefing", tw::factcheck::testing::SampleBriefing()},
      {"briefing-internal", internal},
      {"briefing-hostile", tw::factcheck::testing::HostileBriefing()},
  };
  for (const auto& page : pages) {
    const std::string path = std::string(argv[1]) + "/" + page.name + ".html";
    std::ofstream out(path, std::ios::binary);
    out << tw::factcheck::BriefingHtml(page.input, tw::factcheck::VerdictScale::Default());
    if (!out.flush()) {
      std::cerr << "factcheck_briefing_pages: cannot write " << path << "\n";
      return 1;
    }
  }
  return 0;
}
