# shellcheck shell=bash
# Helpers the benchmark scripts share; sourced, not run. build_targets runs
# from the repository's root, where the scripts cd.

# A field of /proc/PID/status in KiB: status_kib PID VmRSS.
status_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

# CPU seconds (user + system) a process has used: unlike wall time, a
# figure that holds up when other work shares the cores.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}

# The value of key=... in a line of key=value pairs: field LINE KEY.
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# Builds TARGETS in the build tree BUILD: re-configures an existing tree so
# that it knows the bench targets; scripts/build.sh configures a new one
# (RelWithDebInfo, as deployed). build_targets BUILD TARGET...
build_targets() {
  local build="$1"
  shift
  if [ -f "$build/CMakeCache.txt" ]; then cmake -S . -B "$build" >/dev/null; fi
  FACTCHECK_BUILD_DIR="$build" ./scripts/build.sh "$@" >&2
}

# Exits 2 naming the first of the paths that is not an executable.
require_executables() {
  local bin
  for bin in "$@"; do
    [ -x "$bin" ] || { echo "missing $bin: build it first" >&2; exit 2; }
  done
}

# The CMake build type of the build tree $1 ("" when unknown).
build_type_of() {
  sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$1/CMakeCache.txt" 2>/dev/null || true
}
