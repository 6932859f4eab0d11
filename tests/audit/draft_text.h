// Test support: a draft written inline in a test, read and parsed by the real text reader and
// structure parser, as `treatywatch` would read a .txt file.
#ifndef TREATYWATCH_TESTS_AUDIT_DRAFT_TEXT_H_
#define TREATYWATCH_TESTS_AUDIT_DRAFT_TEXT_H_

#include <string_view>

#include "doc/document.h"

namespace tw::audit::test_support {

// Fails the calling test (EXPECT) when the text cannot be read; returns an empty document then.
doc::Document ParseDraftText(std::string_view text, doc::DocumentMeta meta = {});

}  // namespace tw::audit::test_support

#endif  // TREATYWATCH_TESTS_AUDIT_DRAFT_TEXT_H_
