#!/usr/bin/env bash
# Throughput of mdbc's binary stage against yara (bench/yara/crypto.yar: rules for the same constant
# families) and checksec, each on one core, on the same files in one run: every ELF under /usr/bin
# and /usr/lib up to a total size, and a synthetic firmware image with embedded constant tables.
# Prints MB/s per CPU second (user + system) for each tool and the ratios.
#
# Usage: bench/binary.sh [MDBC]        MDBC defaults to build/mdbc
# Environment: CAP_MB (ELF corpus size, default 512), FW_MB (firmware image size, default 200),
# RUNS (runs of each tool, default 3: the least CPU time counts, as neighbours on a shared machine
# only ever add to it)
set -euo pipefail
cd "$(dirname "$0")/.."
mdbc=${1:-build/mdbc}
cap_mb=${CAP_MB:-512}
fw_mb=${FW_MB:-200}
runs=${RUNS:-3}
for tool in yara checksec python3; do
  command -v "$tool" >/dev/null || { echo "bench/binary.sh: $tool is missing (run scripts/install-deps.sh)" >&2; exit 2; }
done
[ -x "$mdbc" ] || { echo "bench/binary.sh: no mdbc binary at $mdbc (build it first)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The ELF corpus: regular files (not links) starting with the ELF magic, in name order, until the cap.
python3 - "$cap_mb" >"$work/elfs.txt" <<'PY'
import os, sys
cap, total, files = int(sys.argv[1]) << 20, 0, []
for top in ("/usr/bin", "/usr/lib"):
    for path, dirs, names in os.walk(top):
        dirs.sort()
        for name in sorted(names):
            p = os.path.join(path, name)
            try:
                if os.path.islink(p) or not os.path.isfile(p):
                    continue
                size = os.path.getsize(p)
                with open(p, "rb") as f:
                    if size < 64 or size > (64 << 20) or f.read(4) != b"\x7fELF":
                        continue
            except OSError:
                continue
            if total + size <= cap:
                files.append(p)
                total += size
print("\n".join(files))
PY

# The firmware image: random bytes with a table (every byte form of every family, CRCs included)
# every 64 KiB at an 8-byte aligned offset, as flash images hold them between code.
python3 - "$fw_mb" "$work/firmware.bin" <<'PY'
import random, sys
sys.path.insert(0, "bench/yara")
import make_crypto_yar as m
typed = m.typed_tables()
forms = [f for a, n, b, x, v in typed + m.derived(typed) + m.crc_tables() for o in m.orderings(x, v) for f in m.forms(b, o)]
rng = random.Random(1)
size, chunk = int(sys.argv[1]) << 20, 64 << 10
with open(sys.argv[2], "wb") as out:
    for i in range(size // chunk):
        block = bytearray(rng.randbytes(chunk))
        table = forms[i % len(forms)][: chunk // 2]
        at = rng.randrange(0, chunk - len(table)) & ~7  # aligned, as compilers place arrays
        block[at:at + len(table)] = table
        out.write(block)
PY

elf_count=$(wc -l <"$work/elfs.txt")
elf_bytes=$(xargs -d '\n' stat -c %s <"$work/elfs.txt" | awk '{s += $1} END {print s}')
fw_bytes=$(stat -c %s "$work/firmware.bin")

seconds() {  # the least CPU seconds (user + system) of $runs runs of a command, its output discarded:
  # on a shared machine the wall clock measures the neighbours too, and every tool here runs on one core
  local TIMEFORMAT='%3U %3S' times rc all=""
  for _ in $(seq "$runs"); do
    rc=0
    times=$( { time "$@" >/dev/null 2>"$work/stderr" || rc=$?; } 2>&1 )
    [ $rc -le 1 ] || { echo "bench/binary.sh: $1 failed ($rc):" >&2; tail -3 "$work/stderr" >&2; exit 2; }
    all+="$times"$'\n'
  done
  printf '%s' "$all" | awk 'NF == 2 { t = $1 + $2; if (best == "" || t < best) best = t } END { printf "%.3f\n", best }'
}
mbps() { python3 -c "print(f'{$1 / 1e6 / $2:.1f}')"; }
ratio() { python3 -c "print(f'{$2 / $1:.2f}')"; }

mapfile -t elfs <"$work/elfs.txt"
mdbc_args=(inspect --quiet --jobs 1 --format json --output "$work/report.json" --max-file-size 256)
t_mdbc_elf=$(seconds "$mdbc" "${mdbc_args[@]}" "${elfs[@]}")
t_yara_elf=$(seconds yara -w -p 1 --scan-list bench/yara/crypto.yar "$work/elfs.txt")
t_checksec_elf=$(seconds checksec --listfile="$work/elfs.txt" --output=csv)
t_mdbc_fw=$(seconds "$mdbc" "${mdbc_args[@]}" "$work/firmware.bin")
t_yara_fw=$(seconds yara -w -p 1 bench/yara/crypto.yar "$work/firmware.bin")
fw_found=$(python3 -c "import json; r = json.load(open('$work/report.json')); print(len(r['artifacts'][0].get('crypto', {}).get('found', [])))")

printf '\n%-34s %10s %9s %9s\n' "input / tool (one core)" "MB" "CPU s" "MB/s"
printf '%-34s %10s %9s %9s\n' "ELF files ($elf_count)" "" "" ""
printf '  %-32s %10.1f %9s %9s\n' "mdbc (all binary rules)" "$(mbps "$elf_bytes" 1)" "$t_mdbc_elf" "$(mbps "$elf_bytes" "$t_mdbc_elf")"
printf '  %-32s %10.1f %9s %9s\n' "yara (bench/yara/crypto.yar)" "$(mbps "$elf_bytes" 1)" "$t_yara_elf" "$(mbps "$elf_bytes" "$t_yara_elf")"
printf '  %-32s %10.1f %9s %9s\n' "checksec" "$(mbps "$elf_bytes" 1)" "$t_checksec_elf" "$(mbps "$elf_bytes" "$t_checksec_elf")"
printf '%-34s\n' "firmware image ($fw_found tables reported by mdbc)"
printf '  %-32s %10.1f %9s %9s\n' "mdbc (all binary rules)" "$(mbps "$fw_bytes" 1)" "$t_mdbc_fw" "$(mbps "$fw_bytes" "$t_mdbc_fw")"
printf '  %-32s %10.1f %9s %9s\n' "yara (bench/yara/crypto.yar)" "$(mbps "$fw_bytes" 1)" "$t_yara_fw" "$(mbps "$fw_bytes" "$t_yara_fw")"
printf '\nratios (CPU time of the other tool / CPU time of mdbc):\n'
printf '  ELF files: yara %sx, checksec %sx\n' "$(ratio "$t_mdbc_elf" "$t_yara_elf")" "$(ratio "$t_mdbc_elf" "$t_checksec_elf")"
printf '  firmware:  yara %sx\n' "$(ratio "$t_mdbc_fw" "$t_yara_fw")"
