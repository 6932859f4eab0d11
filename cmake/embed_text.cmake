# cmake -DINPUT=file -DOUTPUT=file.cc -DSYMBOL=name -DNAMESPACE=ns -P embed_text.cmake
# Writes a C++ source defining `std::string_view ns::name()` that returns the input file's bytes,
# so a binary carries its default data without depending on where it is run from.
file(READ "${INPUT}" bytes HEX)
string(LENGTH "${bytes}" hex_length)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," array "${bytes}")
string(REGEX REPLACE "(0x[0-9a-f][0-9a-f],){24}" "\\0\n" array "${array}")
math(EXPR size "${hex_length} / 2")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/embed_text.cmake; do not edit.\n"
"#include <string_view>\n\n"
"namespace ${NAMESPACE} {\n\n"
"namespace {\n// unsigned: bytes of UTF-8 text above 0x7f would narrow into a char.\n"
"constexpr unsigned char kBytes[${size} + 1] = {\n${array}0};\n}  // namespace\n\n"
"std::string_view ${SYMBOL}() {\n"
"  return std::string_view(reinterpret_cast<const char*>(kBytes), ${size});\n}\n\n"
"}  // namespace ${NAMESPACE}\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
