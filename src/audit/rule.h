// RulePack / Rule: what an audit checks, as loaded from a YAML pack (rule_pack_loader.h).
//
// A rule selects provisions of a document and, optionally, tests them:
//   - a classification rule (`assigns` set, no test) gives every provision it selects a category
//     ("cyber-dependent"); other rules select by category, so classification runs first;
//   - a check rule (`test` set) finds, for each selected provision, whether its scope text holds
//     any/all of the required patterns and none of the forbidden ones.
// Patterns are compiled to RE2 (linear time: packs are user input). Plain values; no I/O.
#ifndef TREATYWATCH_AUDIT_RULE_H_
#define TREATYWATCH_AUDIT_RULE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/provision.h"

namespace tw::audit {

enum class Severity { kInfo, kLow, kMedium, kHigh, kCritical };  // ordered: compare with <

std::string_view SeverityName(Severity severity);  // "info", ..., "critical"
bool ParseSeverity(std::string_view name, Severity* severity);

// Where a value was written in a pack, for error messages ("pack.yaml:12:7").
struct PackPosition {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based
};

// One pattern as the analyst wrote it and the RE2 it compiles to (see docs/rules.md):
//   "without right"        a phrase: whole words, case-folded, any run of spaces between words,
//                          `*` at the end of a word for any ending ("intention*")
//   "re: at least (one|two|three) years?"   raw RE2, case-folded
struct Pattern {
  std::string source;  // as written
  std::string regex;   // RE2 syntax, always valid once loaded
  PackPosition where;
};

// Which text a test reads for a selected provision.
enum class Scope {
  kProvision,   // the provision with its children
  kArticle,     // the whole article that holds it
  kReferences,  // the article plus every provision its text cross-references (one hop)
};
std::string_view ScopeName(Scope scope);  // "provision", "article", "references"

// Which provisions a rule applies to. Every criterion given must hold (AND); within one
// list any entry may match (OR). A selector with no criterion at all is refused at load.
struct Selector {
  std::vector<doc::ProvisionKind> kinds;  // default {kArticle}
  std::vector<Pattern> heading;           // the heading of the provision's article
  std::vector<Pattern> text;              // in the provision's text (children included)
  std::vector<Pattern> chapter;           // label or heading of an enclosing part/chapter/section
  std::vector<std::string> categories;    // the provision or its article has one of them
  std::vector<std::string> refers_to;     // it cross-references an article of one of them
  std::vector<Pattern> exclude_heading;   // none of these in the article's heading
  std::vector<Pattern> exclude_text;      // none of these in the provision's text

  bool HasCriterion() const {
    return !heading.empty() || !text.empty() || !chapter.empty() || !categories.empty() ||
           !refers_to.empty();
  }
};

struct Test {
  std::vector<Pattern> require_any;  // at least one must occur
  std::vector<Pattern> require_all;  // each must occur
  std::vector<Pattern> forbid;       // none may occur; one that does makes the finding violated
  Scope within = Scope::kProvision;
  // Articles of these categories in the same chapter join the scope: a conditions-and-safeguards
  // article that governs "the powers and procedures provided for in this chapter" covers every
  // power of the chapter even when the power does not cite it.
  std::vector<std::string> chapter_categories;
  // Articles of these categories anywhere in the text join the scope: a treaty-wide article
  // (a personal data protection article in the general provisions) governs every chapter.
  std::vector<std::string> document_categories;
};

struct Rule {
  std::string id;  // unique in the merged packs: [a-z0-9][a-z0-9-]*
  std::string title;
  Severity severity = Severity::kMedium;
  std::string topic;  // groups rules in the scorecard: "scope", "criminalisation", "powers", ...
  std::string rationale;
  std::vector<std::string> sources;  // public sources: "ICCPR art. 17", "Budapest Convention art. 15"
  Selector select;
  std::string assigns;       // category given to selected provisions; empty for check rules
  std::optional<Test> test;  // absent for classification rules
  PackPosition where;        // of the rule's first key
};

// A category classification rules assign. `breadth` categories are the scope measure: the
// scorecard counts criminalisation articles per breadth category.
struct Category {
  std::string id;
  std::string title;
  std::string description;
  bool breadth = false;
  PackPosition where;
};

struct RulePack {
  std::string name;  // short id, "cybercrime"
  std::string title;
  std::string version;
  std::string description;
  std::vector<std::string> files;  // packs merged into this one, in order
  std::vector<Category> categories;
  std::vector<Rule> rules;  // in file order; the engine orders classification first

  const Category* FindCategory(std::string_view id) const;
  const Rule* FindRule(std::string_view id) const;
};

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_RULE_H_
