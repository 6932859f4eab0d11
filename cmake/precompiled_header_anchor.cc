// The one source of the targets that build the precompiled headers (cmake/precompiled_headers.cmake):
// CMake compiles a target's precompiled header only for a target with a source.
