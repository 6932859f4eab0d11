// KeepOnlyArticle: a comparison narrowed to the change of one unit, for `treatywatch diff
// --article PATH` and the diff API's `article` parameter — the reader names a path of the text in
// front of them, the later one, so it is looked up there first and only then in the earlier text
// (a deleted article). Migrations are dropped: they are about pairs of articles. Pure.
#ifndef TREATYWATCH_COMPARE_ARTICLE_FILTER_H_
#define TREATYWATCH_COMPARE_ARTICLE_FILTER_H_

#include <string_view>

#include "absl/status/status.h"
#include "compare/comparison.h"

namespace tw::compare {

// NotFound naming the path and both documents when neither text has a unit with that path;
// `comparison` is unchanged then.
absl::Status KeepOnlyArticle(Comparison& comparison, std::string_view path);

}  // namespace tw::compare

#endif  // TREATYWATCH_COMPARE_ARTICLE_FILTER_H_
