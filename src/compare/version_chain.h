// Version chains: the life of one provision across every version of an instrument.
//
// Consecutive versions are compared (compare/compare.h) and each provision is followed from
// version to version through the article mapping and, inside articles, the paragraph mapping.
// A provision's work identity — like Akoma Ntoso's wId, stable while its number changes — is
// where it first appeared: "art35@v1" is the article that was Art. 35 in version 1, whatever
// it is called now. So "the article that is now Art. 40 was Art. 35 in the first draft" is one
// call: TraceProvision(chain, last, "art40").
//
// Pure: the caller loads the documents.
#ifndef TREATYWATCH_COMPARE_VERSION_CHAIN_H_
#define TREATYWATCH_COMPARE_VERSION_CHAIN_H_

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "compare/comparison.h"
#include "doc/document.h"

namespace tw::compare {

struct HistoryStep {
  ComparedDocument document;
  bool present = false;       // the provision exists in this version
  std::string path;           // its path here ("art40"); empty when absent
  std::string num;
  std::string citation;       // "Art. 40"
  std::string heading;
  ChangeKind change = ChangeKind::kUnchanged;  // against the previous version
  double similarity = 1.0;                      // to the previous version's text
  int brackets = 0;                             // bracket pairs inside it here
  int words = 0;
  std::vector<std::string> also;  // other parts of a split, sources of a join
  std::vector<DiffOp> ops;        // redline from the previous version; empty when unchanged
};

struct ProvisionHistory {
  std::string work_id;  // "art35@v1": path and version of its first appearance
  std::vector<HistoryStep> steps;  // one per version, in chain order
};

// `chain` in version order; `index` the version the path is read in. NotFound when the path
// is not a provision of that version.
absl::StatusOr<ProvisionHistory> TraceProvision(const std::vector<doc::Document>& chain,
                                                std::size_t index, const std::string& path);

// Where `path` of the old version went in the new one, by `comparison` of the two; nullopt
// when it was deleted. `also` gets the further parts of a split.
std::optional<std::string> FollowForward(const Comparison& comparison, const doc::Document& new_doc,
                                         const std::string& path, std::vector<std::string>* also);
std::optional<std::string> FollowBackward(const Comparison& comparison, const doc::Document& old_doc,
                                          const std::string& path, std::vector<std::string>* also);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_VERSION_CHAIN_H_
