// Empty text in a page view, made false. In mustache (kainjow) an empty string is truthy, so
// "{{#heading}} — {{heading}}{{/heading}}" would print a dangling dash for a provision with no
// heading; after BlanksToFalse every "" is null, which the templates read as false and print as
// nothing. Used by the compare and audit pages on their views before rendering.
#ifndef TREATYWATCH_SERVER_VIEW_BLANKS_H_
#define TREATYWATCH_SERVER_VIEW_BLANKS_H_

#include <nlohmann/json.hpp>

namespace tw::server {

// Every empty string in `view`, at any depth, becomes null.
void BlanksToFalse(nlohmann::json& view);

}  // namespace tw::server

#endif  // TREATYWATCH_SERVER_VIEW_BLANKS_H_
