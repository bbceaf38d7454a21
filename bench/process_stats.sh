# Helpers the benchmark scripts share; sourced, not run.

# A field of /proc/PID/status in KiB: status_kib PID VmRSS.
status_kib() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }

# CPU seconds (user + system) a process has used: unlike wall time, a
# figure that holds up when other work shares the cores.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat"
}

# The value of key=... in a line of key=value pairs: field LINE KEY.
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
