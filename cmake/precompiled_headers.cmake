# Precompiled headers. Nearly every translation unit includes the standard containers, fmt,
# nlohmann::json and absl::Status, and parsing them again and again was 2-4 s of a 4-20 s
# compile; CI has a time budget. GCC accepts a precompiled header only when compiled with the
# same -O level, the same -fpic/-fpie and the same FMT_SHARED, so there is one per kind of
# compile, each built once and reused by every target of its kind.
# RE2's and others' pkg-config flags bring -pthread (it defines _REENTRANT) to some targets;
# every target gets it, so that one header fits all.
add_compile_options(-pthread)

set(TW_PRECOMPILED_HEADERS
  <algorithm> <cstddef> <cstdint> <filesystem> <fstream> <iostream> <map> <memory> <optional>
  <set> <sstream> <string> <string_view> <utility> <vector>
  <fmt/format.h> <nlohmann/json.hpp> <absl/status/status.h> <absl/status/statusor.h>)

function(tw_add_precompiled_header_provider name)
  cmake_parse_arguments(P "PIC" "" "HEADERS;LIBS;OPTIONS" ${ARGN})
  add_library(${name} STATIC ${CMAKE_SOURCE_DIR}/cmake/precompiled_header_anchor.cc)
  target_precompile_headers(${name} PRIVATE ${TW_PRECOMPILED_HEADERS} ${P_HEADERS})
  target_link_libraries(${name} PRIVATE fmt::fmt nlohmann_json::nlohmann_json absl::status
    absl::statusor ${P_LIBS})
  target_compile_options(${name} PRIVATE ${P_OPTIONS})
  set_property(TARGET ${name} PROPERTY POSITION_INDEPENDENT_CODE ${P_PIC})
endfunction()

# Gives every C++ target under `directory` the precompiled header of its kind, except those
# that already chose one (test code, see tests/CMakeLists.txt) or none.
function(tw_use_precompiled_headers directory)
  tw_targets_under(${directory} targets)
  foreach(target IN LISTS targets)
    get_target_property(type ${target} TYPE)
    get_target_property(chosen ${target} PRECOMPILE_HEADERS_REUSE_FROM)
    get_target_property(declined ${target} DISABLE_PRECOMPILE_HEADERS)
    if(chosen OR declined OR target MATCHES "^tw_precompiled_headers")
      continue()
    endif()
    get_target_property(pic ${target} POSITION_INDEPENDENT_CODE)
    if(pic OR type MATCHES "^(MODULE|SHARED)_LIBRARY$")
      set(provider tw_precompiled_headers_pic)
    else()
      set(provider tw_precompiled_headers)
    endif()
    target_precompile_headers(${target} REUSE_FROM ${provider})
    target_link_libraries(${target} PRIVATE fmt::fmt)
  endforeach()
endfunction()
