#!/usr/bin/env bash
# Link launcher (RULE_LAUNCH_LINK) of the treatywatch program: each system shared library on the
# link line whose static archive Debian also ships (libabsl_*.a, libicu*.a, libre2.a, ...) is
# replaced by that archive. A CLI command is a short process: loading and relocating ~40
# shared libraries was half the wall time of `treatywatch diff` on a 10,000-word pair (11 of
# 22 ms at start-up, measured). Libraries without an archive (libstdc++, fmt, libzip,
# cpp-httplib) stay shared. Test programs and the optional modules keep the shared libraries:
# Debian's archives are not position-independent, and tests gain nothing from it.
# Usage: link_static_archives.sh COMPILER ARGS...
set -euo pipefail
args=()
for arg in "$@"; do
  if [[ $arg =~ ^(/usr/lib/[^[:space:]]*/lib[^/]+)\.so(\.[0-9.]+)?$ && -f ${BASH_REMATCH[1]}.a ]]; then
    args+=("${BASH_REMATCH[1]}.a")
  else
    args+=("$arg")
  fi
done
exec "${args[@]}"
