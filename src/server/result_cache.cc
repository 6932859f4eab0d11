#include "server/result_cache.h"

#include <fmt/format.h>

namespace tw::server {

std::string DocumentCacheKey(const doc::Document& document) {
  const doc::DocumentMeta& meta = document.meta;
  std::string key = fmt::format("{}:{}:", meta.sha256, meta.id);
  for (const std::string* field :
       {&meta.symbol, &meta.title, &meta.date, &meta.kind, &meta.instrument, &meta.source_name}) {
    key += fmt::format("{}:{};", field->size(), *field);
  }
  key += fmt::format("v{}|", meta.version);
  return key;
}

}  // namespace tw::server
