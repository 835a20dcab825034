#!/usr/bin/env bash
# Source-stage benchmark: mdbc (every source rule on), flawfinder and `grep -rE` over CODE-1's
# banned-function list, on the same tree in one run. Prints throughput (MB/s of C/C++ source),
# the ratios, and mdbc's peak memory, against the floors of issue 2: mdbc at least 50x
# flawfinder's throughput, peak memory under 300 MiB.
#
#   bench/source.sh [--mdbc BINARY] [--flawfinder-subset DIR] [--jobs N] [TREE]
#
# TREE defaults to Debian's linux-source-6.1 (about 1 GB of C), installed with apt-get and unpacked
# once into bench/work/. flawfinder reads the same tree (about 4.5 minutes for linux-source-6.1
# on one core: it is single-threaded); --flawfinder-subset DIR makes a quicker run, with flawfinder
# and mdbc both on DIR so that the two are compared on the same files.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

mdbc="$repo/build/mdbc"
subset=""
jobs=""
tree=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mdbc) mdbc=$2; shift 2 ;;
    --flawfinder-subset) subset=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "source.sh: unknown option $1" >&2; exit 2 ;;
    *) tree=$1; shift ;;
  esac
done

for tool in flawfinder grep /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "source.sh: $tool is missing: run scripts/install-deps.sh" >&2; exit 2; }
done
[ -x "$mdbc" ] || { echo "source.sh: no mdbc binary at $mdbc (make build, or --mdbc PATH)" >&2; exit 2; }

work="$repo/bench/work"
mkdir -p "$work"
if [ -z "$tree" ]; then
  tree="$work/linux-source-6.1"
  if [ ! -d "$tree" ]; then
    tarball=/usr/src/linux-source-6.1.tar.xz
    if [ ! -f "$tarball" ]; then
      [ "$(id -u)" -eq 0 ] || { echo "source.sh: needs root once to apt-get install linux-source-6.1" >&2; exit 2; }
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends linux-source-6.1 >/dev/null
    fi
    echo "unpacking $tarball into bench/work/ (once)" >&2
    rm -rf "$work/unpacking"
    mkdir -p "$work/unpacking"
    tar -xJf "$tarball" -C "$work/unpacking"
    mv "$work/unpacking/linux-source-6.1" "$tree"
    rm -rf "$work/unpacking"
  fi
fi
[ -d "$tree" ] || { echo "source.sh: $tree is not a directory" >&2; exit 2; }
tree=$(cd "$tree" && pwd)
[ -n "$subset" ] || subset="$tree"
subset=$(cd "$subset" && pwd)

# Bytes of C and C++ source (what all three tools read).
c_bytes() {
  find "$1" -type f \( -name '*.c' -o -name '*.h' -o -name '*.cc' -o -name '*.cpp' -o -name '*.cxx' -o -name '*.hpp' \) \
    -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'
}
# Wall-clock seconds of a command (whatever its exit status: grep exits 1 on no match), stdout to $1.
timed() {
  local out=$1; shift
  local start end
  start=$(date +%s.%N)
  "$@" >"$out" || true
  end=$(date +%s.%N)
  calc "$end - $start"
}
# Arithmetic on decimals, printed with two decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
mbps() { calc "$1 / 1000000 / $2"; }

# CODE-1's list, read from the source of truth so grep searches exactly what mdbc bans.
banned=$(awk '/add\(\{/ { listing = 1 }
              listing { while (match($0, /"[A-Za-z_][A-Za-z0-9_]*"/)) { print substr($0, RSTART + 1, RLENGTH - 2); $0 = substr($0, RSTART + RLENGTH) } }
              listing && /\}/ { listing = 0 }' src/inspect/banned_list.cpp | sort -u | paste -sd'|')
[ -n "$banned" ] || { echo "source.sh: no banned-function list in src/inspect/banned_list.cpp" >&2; exit 2; }

jobs_arg=()
[ -n "$jobs" ] && jobs_arg=(--jobs "$jobs")
tree_bytes=$(c_bytes "$tree")
subset_bytes=$(c_bytes "$subset")

echo "tree:   $tree ($(calc "$tree_bytes / 1000000") MB of C/C++)"
[ "$subset" = "$tree" ] || echo "subset: $subset ($(calc "$subset_bytes / 1000000") MB of C/C++), for flawfinder"
echo "cores:  $(nproc); mdbc: $("$mdbc" --version)"
echo

# Both tools read the tree from the page cache: the first to run would otherwise pay for the disk.
find "$tree" -type f \( -name '*.c' -o -name '*.h' -o -name '*.cc' -o -name '*.cpp' -o -name '*.cxx' -o -name '*.hpp' \) \
  -print0 | xargs -0 cat >/dev/null

# mdbc on the whole tree, peak memory from GNU time. Exit 1 (does not meet the code) is expected.
report="$work/mdbc-report.json"
set +e
/usr/bin/time -v -o "$work/mdbc-time.txt" "$mdbc" inspect --quiet --format json -o "$report" "${jobs_arg[@]}" "$tree"
status=$?
set -e
[ "$status" -le 1 ] || { echo "source.sh: mdbc failed (exit $status)" >&2; exit 2; }
mdbc_secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; ++i) s = s * 60 + p[i]; print s }' "$work/mdbc-time.txt")
peak_kib=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/mdbc-time.txt")
findings=$(grep -c '"rule":' "$report" || true)

if [ "$subset" = "$tree" ]; then
  mdbc_subset_secs=$mdbc_secs
else
  mdbc_subset_secs=$(timed /dev/null "$mdbc" inspect --quiet --format json "${jobs_arg[@]}" "$subset")
fi
flawfinder_secs=$(timed /dev/null flawfinder --quiet --dataonly --minlevel=0 "$subset")
grep_secs=$(timed "$work/grep-hits.txt" grep -rEn --include='*.[ch]' --include='*.cc' --include='*.cpp' --include='*.cxx' \
  --include='*.hpp' "\\b($banned)[[:space:]]*\\(" "$tree")
grep_hits=$(wc -l <"$work/grep-hits.txt")

mdbc_mbps=$(mbps "$tree_bytes" "$mdbc_secs")
mdbc_subset_mbps=$(mbps "$subset_bytes" "$mdbc_subset_secs")
flawfinder_mbps=$(mbps "$subset_bytes" "$flawfinder_secs")
grep_mbps=$(mbps "$tree_bytes" "$grep_secs")
peak_mib=$(calc "$peak_kib / 1024")

printf '%-44s %10s %10s\n' "" "seconds" "MB/s"
printf '%-44s %10.2f %10.2f\n' "mdbc, whole tree ($findings findings)" "$mdbc_secs" "$mdbc_mbps"
if [ "$subset" != "$tree" ]; then
  printf '%-44s %10.2f %10.2f\n' "mdbc, flawfinder subset" "$mdbc_subset_secs" "$mdbc_subset_mbps"
  printf '%-44s %10.2f %10.2f\n' "flawfinder, subset only" "$flawfinder_secs" "$flawfinder_mbps"
else
  printf '%-44s %10.2f %10.2f\n' "flawfinder, whole tree" "$flawfinder_secs" "$flawfinder_mbps"
fi
printf '%-44s %10.2f %10.2f\n' "grep -rE banned list, whole tree ($grep_hits hits)" "$grep_secs" "$grep_mbps"
echo
ratio_ff=$(calc "$mdbc_mbps / $flawfinder_mbps")
ratio_ff_subset=$(calc "$mdbc_subset_mbps / $flawfinder_mbps")
ratio_grep=$(calc "$mdbc_mbps / $grep_mbps")
if [ "$subset" = "$tree" ]; then
  echo "mdbc / flawfinder throughput: ${ratio_ff}x on the same tree   [floor 50x]"
else
  echo "mdbc / flawfinder throughput: ${ratio_ff}x (whole-tree mdbc vs subset flawfinder); ${ratio_ff_subset}x on the same subset   [floor 50x]"
fi
echo "mdbc / grep throughput:       ${ratio_grep}x"
echo "mdbc peak memory:             ${peak_mib} MiB   [floor < 300 MiB]"

verdict=0
awk "BEGIN { exit !($ratio_ff < 50) }" && { echo "BELOW FLOOR: throughput ratio under 50x"; verdict=1; }
awk "BEGIN { exit !($peak_mib >= 300) }" && { echo "BELOW FLOOR: peak memory 300 MiB or more"; verdict=1; }
exit $verdict
