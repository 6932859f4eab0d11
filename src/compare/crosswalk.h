// Crosswalk: for each article of one instrument, the provisions of another that say the same
// thing — the UN convention against the Budapest Convention, a proposal against the draft it
// amends. Unlike a diff there is no version order: every article of A is ranked against every
// candidate of B by the same weighted alignment (compare/similarity.h), and the best one is
// redlined.
//
// Pure.
#ifndef TREATYWATCH_COMPARE_CROSSWALK_H_
#define TREATYWATCH_COMPARE_CROSSWALK_H_

#include <string>
#include <vector>

#include "compare/comparison.h"
#include "doc/document.h"

namespace tw::compare {

struct CrosswalkMatch {
  std::string path;      // in B
  std::string citation;  // "Art. 2"
  std::string heading;
  double similarity = 0;  // mutual containment
  double a_in_b = 0;      // share of the A article found in this provision
  double b_in_a = 0;
  std::vector<DiffOp> ops;  // A → B redline; only for the best match
};

struct CrosswalkEntry {
  std::string path;  // in A
  std::string citation;
  std::string heading;
  std::vector<CrosswalkMatch> matches;  // best first; empty when nothing in B corresponds
};

struct Crosswalk {
  ComparedDocument a;
  ComparedDocument b;
  std::vector<CrosswalkEntry> entries;  // in A's order
  int matched = 0;                      // entries with at least one match
};

struct CrosswalkOptions {
  int max_matches = 3;
  // Least share of either side found in the other for a provision of B to be listed.
  double min_containment = 0.25;
  bool redlines = true;
};

Crosswalk BuildCrosswalk(const doc::Document& a, const doc::Document& b,
                         const CrosswalkOptions& options = {});

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_CROSSWALK_H_
