#include "parse_fixture.h"

#include <fstream>
#include <sstream>

namespace tw::doc::testing {

SourceText SourceFromText(std::string_view text) {
  SourceText source;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r')) {
      line.remove_prefix(1);
    }
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
      line.remove_suffix(1);
    }
    if (!line.empty()) {
      if (!source.text.empty()) source.text += '\n';
      source.text += line;
    }
    if (end == text.size()) break;
    start = end + 1;
  }
  source.spans.push_back({0, 0, 0});
  return source;
}

std::string ReadCorpusFile(const std::string& name) {
  const std::string path = std::string(TW_CORPUS_DIR) + "/" + name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    ADD_FAILURE() << "cannot read " << path;
    return {};
  }
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

ParsedStructure ParseText(std::string_view text) { return ParseStructure(SourceFromText(text)); }

const Provision& At(const ParsedStructure& parsed, std::string_view path) {
  static const Provision kMissing;
  const Provision* found = FindProvision(parsed.root, path);
  if (found == nullptr) {
    ADD_FAILURE() << "no provision '" << path << "'";
    return kMissing;
  }
  return *found;
}

std::vector<std::string> ChildPaths(const Provision& parent, ProvisionKind kind) {
  std::vector<std::string> out;
  for (const Provision& child : parent.children) {
    if (child.kind == kind) out.push_back(child.path);
  }
  return out;
}

std::vector<const Provision*> AllOfKind(const Provision& root, ProvisionKind kind) {
  std::vector<const Provision*> out;
  VisitProvisions(root, [&](const Provision& p, int) {
    if (p.kind == kind) out.push_back(&p);
  });
  return out;
}

std::string AncestorOfKind(const Provision& root, std::string_view path, ProvisionKind kind) {
  // Depth-first with the chain of ancestors kept on an explicit stack.
  struct Frame {
    const Provision* node;
    std::size_t next_child;
  };
  std::vector<Frame> stack = {{&root, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.node->path == path) {
      for (std::size_t i = stack.size() - 1; i-- > 0;) {
        if (stack[i].node->kind == kind) return stack[i].node->path;
      }
      return "";
    }
    if (top.next_child < top.node->children.size()) {
      const Provision* child = &top.node->children[top.next_child++];
      stack.push_back({child, 0});
    } else {
      stack.pop_back();
    }
  }
  return "";
}

std::string MatteringWarnings(const ParsedStructure& parsed) {
  std::string out;
  for (const ParseWarning& w : parsed.warnings) {
    if (w.matters) out += "line " + std::to_string(w.line) + ": " + w.message + "\n";
  }
  return out;
}

std::vector<const CrossReference*> ReferencesFrom(const ParsedStructure& parsed,
                                                  std::string_view from_path,
                                                  std::string_view text) {
  std::vector<const CrossReference*> out;
  for (const CrossReference& r : parsed.references) {
    if (r.from_path == from_path && (text.empty() || r.text == text)) out.push_back(&r);
  }
  return out;
}

}  // namespace tw::doc::testing
