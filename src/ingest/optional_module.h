// Optional modules: the parts of treatywatch that need heavy shared libraries — the PDF reader
// (poppler with its font and image libraries) and the PostgreSQL store (libpq with Kerberos,
// LDAP and TLS) — are built as modules of their own (shared objects in lib/treatywatch/) and
// loaded on first use. Linked in, those ≈ 45 libraries cost ≈ 20 ms at every process start
// (measured on `treatywatch --version`), more than a whole diff of two 10,000-word texts.
//
// A module exports one C function, named in its header, returning a table of C++ function
// pointers whose first member is kOptionalModuleAbi. Modules come from the same build as the
// program, so C++ types cross the boundary safely; the ABI number catches a stale module.
//
// Where modules are looked for: only $TREATYWATCH_MODULE_DIR when it is set; else, first hit
// wins, lib/treatywatch/ next to the program's bin/ directory (an installed copy), then the build
// tree's module directory (TW_MODULE_DIR, so tests and the build tree run without installing).
//
// Thread-safe: a module is loaded once per process and never unloaded.
#ifndef TREATYWATCH_INGEST_OPTIONAL_MODULE_H_
#define TREATYWATCH_INGEST_OPTIONAL_MODULE_H_

#include <string_view>

#include "absl/status/statusor.h"

namespace tw::ingest {

// Bumped whenever a module's table changes.
inline constexpr int kOptionalModuleAbi = 1;

// The entry function `entry` of module `file` ("libtw_pdf_reader.so"), called once; its result
// is cached. `purpose` says in an error what the module is for ("reading PDF files").
absl::StatusOr<const void*> LoadOptionalModule(std::string_view file, std::string_view entry,
                                               std::string_view purpose);

}  // namespace tw::ingest

#endif  // TREATYWATCH_INGEST_OPTIONAL_MODULE_H_
