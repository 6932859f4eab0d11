// Which article holds each provision of a document: the trend follows findings article by
// article, and the HTML report groups them so. Computed once per document, in one walk.
#ifndef TREATYWATCH_AUDIT_ARTICLE_OF_PATHS_H_
#define TREATYWATCH_AUDIT_ARTICLE_OF_PATHS_H_

#include <map>
#include <string>

#include "doc/provision.h"

namespace tw::audit {

// Every provision path → the path of the article that holds it (itself for an article; empty
// outside articles: preamble, closing, footnotes). The root (path "") is not listed.
std::map<std::string, std::string> ArticleOfPaths(const doc::Provision& root);

}  // namespace tw::audit

#endif  // TREATYWATCH_AUDIT_ARTICLE_OF_PATHS_H_
