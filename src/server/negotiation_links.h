// Links from the negotiation pages: an actor's or a vote's page (ids and symbols hold ':' and
// '/', user-defined ones anything, so they are percent-encoded), and a cited provision in the
// reader of the draft that was on the table when it was cited — the last draft dated on or
// before that day, else the latest draft (article numbers in a statement refer to the draft
// under discussion then, not to a later renumbered one).
//
// Pure functions; thread-safe.
#ifndef TREATYWATCH_SERVER_NEGOTIATION_LINKS_H_
#define TREATYWATCH_SERVER_NEGOTIATION_LINKS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "doc/document.h"

namespace tw::server {

// `text` percent-encoded for a URL path; '/' is kept when `keep_slashes` (vote symbols).
std::string PathEncode(std::string_view text, bool keep_slashes = false);

std::string ActorPage(std::string_view actor_id);    // /negotiation/actors/ID
std::string VotePage(std::string_view symbol);       // /negotiation/votes/SYMBOL

// Among the documents of kind "draft": the last dated on or before `date` (YYYY-MM-DD), else
// the latest; ties by id. nullopt when the store holds no draft.
std::optional<doc::DocumentMeta> DraftOnTheTable(const std::vector<doc::DocumentMeta>& documents,
                                                 std::string_view date);

// /documents/ID/read#PATH
std::string ReaderLink(std::int64_t document_id, std::string_view path);

// Whether a position's subject is a provision path ("art24", "art24.p2", "annex.art7") rather
// than a topic ("scope: narrow").
bool IsProvisionPath(std::string_view subject);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_NEGOTIATION_LINKS_H_
