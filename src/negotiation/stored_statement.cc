#include "negotiation/stored_statement.h"

#include <utility>
#include <vector>

#include <fmt/format.h>

namespace tw::negotiation {

absl::StatusOr<Statement> StoredStatement(store::NegotiationRecord& store, std::int64_t id) {
  store::StatementFilter just_this;
  just_this.id = id;
  absl::StatusOr<std::vector<Statement>> found = store.ListStatements(just_this);
  if (!found.ok()) return found.status();
  if (found->empty()) return absl::NotFoundError(fmt::format("no statement {}", id));
  return std::move(found->front());
}

}  // namespace tw::negotiation
