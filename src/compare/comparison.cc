#include "compare/comparison.h"

namespace tw::compare {

std::string_view ChangeKindName(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::kUnchanged: return "unchanged";
    case ChangeKind::kRenumbering: return "renumbering";
    case ChangeKind::kSubstitution: return "substitution";
    case ChangeKind::kMove: return "move";
    case ChangeKind::kSplit: return "split";
    case ChangeKind::kJoin: return "join";
    case ChangeKind::kInsertion: return "insertion";
    case ChangeKind::kRepeal: return "repeal";
  }
  return "unchanged";
}

std::string_view OpKindName(OpKind kind) {
  switch (kind) {
    case OpKind::kEqual: return "eq";
    case OpKind::kInsert: return "ins";
    case OpKind::kDelete: return "del";
  }
  return "eq";
}

std::string_view BracketChangeKindName(BracketChangeKind kind) {
  switch (kind) {
    case BracketChangeKind::kAgreed: return "agreed";
    case BracketChangeKind::kDisputed: return "disputed";
    case BracketChangeKind::kDropped: return "dropped";
    case BracketChangeKind::kAdded: return "added";
  }
  return "agreed";
}

}  // namespace tw::compare
