#include "doc/document_json.h"

#include <vector>

namespace tw::doc {
namespace {

using nlohmann::json;

// Encodes one node without children; children are attached by the explicit-stack walk below
// (trees come from untrusted documents, so no recursion on their depth).
json NodeWithoutChildren(const Document& document, const Provision& node) {
  json brackets = json::array();
  for (const BracketSpan& span : node.brackets) {
    const std::size_t end = std::min(span.end, document.text.size());
    const std::size_t begin = std::min(span.begin, end);
    brackets.push_back({{"start", span.begin},
                        {"end", span.end},
                        {"depth", span.depth},
                        {"text", document.text.substr(begin, end - begin)}});
  }
  return json{{"path", node.path},
              {"kind", ProvisionKindName(node.kind)},
              {"num", node.num},
              {"label", node.label},
              {"heading", node.heading},
              {"text", node.text},
              {"start", node.begin},
              {"end", node.end},
              {"pages", json::array({node.page_first, node.page_last})},
              {"citation", CitationLabel(document.root, node.path)},
              {"brackets", std::move(brackets)},
              {"children", json::array()}};
}

}  // namespace

json MetaToJson(const DocumentMeta& meta) {
  return json{{"id", meta.id},
              {"symbol", meta.symbol},
              {"title", meta.title},
              {"kind", meta.kind},
              {"date", meta.date},
              {"lang", meta.lang},
              {"instrument", meta.instrument},
              {"version", meta.version},
              {"session", meta.session},
              {"authors", meta.authors},
              {"source", meta.source_name},
              {"format", meta.format},
              {"sha256", meta.sha256},
              {"pages", meta.page_count},
              {"ingested_at", meta.ingested_at}};
}

json ProvisionToJson(const Document& document, const Provision& node) {
  json out = NodeWithoutChildren(document, node);
  struct Frame {
    const Provision* node;
    json* encoded;
  };
  std::vector<Frame> stack = {{&node, &out}};
  while (!stack.empty()) {
    Frame frame = stack.back();
    stack.pop_back();
    json& children = (*frame.encoded)["children"];
    for (const Provision& child : frame.node->children) {
      children.push_back(NodeWithoutChildren(document, child));
    }
    // Pointers into `children` stay valid: the array is not resized after this point.
    for (std::size_t i = 0; i < frame.node->children.size(); ++i) {
      stack.push_back({&frame.node->children[i], &children[i]});
    }
  }
  return out;
}

json DocumentToJson(const Document& document, const Provision* subtree) {
  json out = MetaToJson(document.meta);
  out["text"] = document.text;
  json provisions = json::array();
  if (subtree) {
    provisions.push_back(ProvisionToJson(document, *subtree));
  } else {
    for (const Provision& child : document.root.children) {
      provisions.push_back(ProvisionToJson(document, child));
    }
  }
  out["provisions"] = std::move(provisions);
  json references = json::array();
  for (const CrossReference& ref : document.references) {
    references.push_back({{"from", ref.from_path},
                          {"start", ref.begin},
                          {"end", ref.end},
                          {"text", ref.text},
                          {"targets", ref.targets},
                          {"instrument", ref.instrument}});
  }
  out["references"] = std::move(references);
  return out;
}

}  // namespace tw::doc
