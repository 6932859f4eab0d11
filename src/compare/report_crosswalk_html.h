// RenderCrosswalkHtml: a crosswalk (compare/crosswalk.h) as one standalone HTML page — which
// article of A corresponds to which provision of B, how closely, and the redline from A's
// article to its best counterpart — in the page every report shares (compare/html_page.h).
//
// Pure function; thread-safe.
#ifndef TREATYWATCH_COMPARE_REPORT_CROSSWALK_HTML_H_
#define TREATYWATCH_COMPARE_REPORT_CROSSWALK_HTML_H_

#include <string>

#include "compare/crosswalk.h"

namespace tw::compare {

std::string RenderCrosswalkHtml(const Crosswalk& crosswalk);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_REPORT_CROSSWALK_HTML_H_
