// Name keys: the folded form under which actor names are compared (NameKey, declared in
// actor_registry.h), and the helpers the registry builds its keys with. Pure functions;
// thread-safe (ICU's normalizer singletons are immutable).
#ifndef TREATYWATCH_NEGOTIATION_NAME_KEY_H_
#define TREATYWATCH_NEGOTIATION_NAME_KEY_H_

#include <string>
#include <string_view>
#include <vector>

namespace tw::negotiation {

// The key of the short form of a UN name "X (Y of)" / "X (Y of the)": NameKey("X"). Empty when
// `name` is not of that form. Only an actor's own name gets this variant: as an alias,
// "Congo (Democratic Republic of the)" must not also claim "Congo".
std::string UnShortFormKey(std::string_view name);

// The words of a key (a key is words separated by single spaces).
std::vector<std::string_view> KeyWords(std::string_view key);

}  // namespace tw::negotiation

#endif  // TREATYWATCH_NEGOTIATION_NAME_KEY_H_
