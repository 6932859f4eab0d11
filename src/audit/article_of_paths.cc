#include "audit/article_of_paths.h"

namespace tw::audit {

std::map<std::string, std::string> ArticleOfPaths(const doc::Provision& root) {
  std::map<std::string, std::string> article_of;
  auto walk = [&article_of](auto&& self, const doc::Provision& node, const std::string& article)
      -> void {
    const std::string& holder = node.kind == doc::ProvisionKind::kArticle ? node.path : article;
    if (!node.path.empty()) article_of[node.path] = holder;
    for (const doc::Provision& child : node.children) self(self, child, holder);
  };
  walk(walk, root, std::string());
  return article_of;
}

}  // namespace tw::audit
