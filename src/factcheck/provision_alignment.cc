#include "factcheck/provision_alignment.h"

#include <algorithm>

namespace tw::factcheck {
namespace {

bool Holds(const std::vector<std::string>& paths, std::string_view path) {
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

// "art5.p2.a" → "art5.p2"; a unit path has no parent here.
std::string_view ParentPath(std::string_view path) {
  const std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? std::string_view() : path.substr(0, dot);
}

void Add(const doc::Provision* provision, std::vector<const doc::Provision*>& out) {
  if (provision != nullptr && std::find(out.begin(), out.end(), provision) == out.end()) {
    out.push_back(provision);
  }
}

// `target` + `remainder` when the new document has it (the listed ancestor's child kept its
// relative path), else `target` itself.
const doc::Provision* Resolve(const doc::Document& doc, const std::string& target,
                              std::string_view remainder) {
  if (!remainder.empty()) {
    const doc::Provision* deeper =
        doc::FindProvision(doc.root, target + std::string(remainder));
    if (deeper != nullptr) return deeper;
  }
  return doc::FindProvision(doc.root, target);
}

void SamePath(const doc::Document& new_doc, const std::string& path, ProvisionAlignment& out) {
  Add(doc::FindProvision(new_doc.root, path), out.provisions);
  Add(doc::FindProvision(new_doc.root, UnitPathOf(path)), out.units);
}

}  // namespace

std::string_view UnitPathOf(std::string_view path) {
  std::size_t dot = path.find('.');
  if (path.starts_with("annex") && dot != std::string_view::npos) dot = path.find('.', dot + 1);
  return dot == std::string_view::npos ? path : path.substr(0, dot);
}

ProvisionAlignment AlignProvision(const compare::Comparison* comparison,
                                  const doc::Document& old_doc, const doc::Document& new_doc,
                                  const std::string& old_path) {
  ProvisionAlignment out;
  if (old_path.empty()) return out;
  const std::string_view unit = UnitPathOf(old_path);
  out.old_provision = doc::FindProvision(old_doc.root, old_path);
  out.old_unit = doc::FindProvision(old_doc.root, unit);
  if (comparison == nullptr) {
    SamePath(new_doc, old_path, out);
    return out;
  }

  // A paragraph (or one of its ancestors below the unit) that migrated to another article.
  for (std::string_view prefix = old_path; prefix.size() > unit.size();
       prefix = ParentPath(prefix)) {
    for (const compare::ProvisionChange& migration : comparison->migrations) {
      if (!Holds(migration.old_paths, prefix)) continue;
      const std::string_view remainder = std::string_view(old_path).substr(prefix.size());
      for (const std::string& target : migration.new_paths) {
        Add(Resolve(new_doc, target, remainder), out.provisions);
        Add(doc::FindProvision(new_doc.root, UnitPathOf(target)), out.units);
      }
      out.moved = true;
      out.placed = true;
      return out;
    }
  }

  const auto change =
      std::find_if(comparison->changes.begin(), comparison->changes.end(),
                   [&](const compare::ArticleChange& c) { return Holds(c.old_paths, unit); });
  if (change == comparison->changes.end()) {
    SamePath(new_doc, old_path, out);
    return out;
  }
  out.placed = true;
  out.moved = change->moved || change->kind == compare::ChangeKind::kMove ||
              change->old_paths.size() > 1;
  for (const std::string& target : change->new_paths) {
    Add(doc::FindProvision(new_doc.root, target), out.units);
  }
  if (out.units.empty()) return out;  // repealed
  if (old_path.size() == unit.size()) {
    out.provisions = out.units;
    return out;
  }
  // The deepest listed ancestor-or-self; its new paths, with the rest of the path when the new
  // document has that child.
  for (std::string_view prefix = old_path; prefix.size() > unit.size();
       prefix = ParentPath(prefix)) {
    for (const compare::ProvisionChange& provision : change->provisions) {
      if (!Holds(provision.old_paths, prefix)) continue;
      if (provision.kind == compare::ChangeKind::kMove || provision.old_paths.size() > 1) {
        out.moved = true;
      }
      const std::string_view remainder = std::string_view(old_path).substr(prefix.size());
      for (const std::string& target : provision.new_paths) {
        Add(Resolve(new_doc, target, remainder), out.provisions);
      }
      return out;
    }
  }
  // Not listed: unchanged, under the same relative path in whichever part holds it.
  const std::string_view rest = std::string_view(old_path).substr(unit.size());
  for (const std::string& target : change->new_paths) {
    const doc::Provision* same = doc::FindProvision(new_doc.root, target + std::string(rest));
    if (same != nullptr) {
      Add(same, out.provisions);
      break;
    }
  }
  return out;
}

}  // namespace tw::factcheck
