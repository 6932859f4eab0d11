// The public JSON form of documents and provisions: what `show --json` prints and what the
// HTTP API returns. Field names are a contract for scripts; add fields, never rename.
//
//   {"id","symbol","title","kind","date","lang","instrument","version","session","authors",
//    "format","sha256","pages","text",
//    "provisions":[{"path","kind","num","label","heading","text","start","end","pages":[f,l],
//                   "citation","brackets":[{"start","end","depth","text"}],"children":[...]}]}
#ifndef TREATYWATCH_DOC_DOCUMENT_JSON_H_
#define TREATYWATCH_DOC_DOCUMENT_JSON_H_

#include <nlohmann/json.hpp>

#include "doc/document.h"

namespace tw::doc {

nlohmann::json MetaToJson(const DocumentMeta& meta);

// `root` is the document tree, used for citations; `node` the provision to encode.
nlohmann::json ProvisionToJson(const Document& document, const Provision& node);

// Whole document; `subtree` restricts "provisions" to one provision (nullptr: all).
nlohmann::json DocumentToJson(const Document& document, const Provision* subtree = nullptr);

}  // namespace tw::doc

#endif  // TREATYWATCH_DOC_DOCUMENT_JSON_H_
