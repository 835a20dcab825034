#!/usr/bin/env python3
"""Compare mdbc's HARD-1 `hardening` objects with Debian's checksec on the same ELF files.

Prints every disagreement, grouped by class (property, checksec's answer, mdbc's answer), with the
files of each class. Exit status 0 whatever the differences: deciding which tool is right is a
person's job (checksec is wrong in known cases: static binaries, libraries exporting *_chk,
relocatable objects).

Usage: bench/checksec_compare.py [--mdbc build/mdbc] [--count 400] [--checksec-cache FILE] [PATH...]
Without PATHs, takes --count ELF files spread evenly over /usr/bin and /usr/lib.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile


def elf_files(tops):
    for top in tops:
        if os.path.isfile(top):
            yield top
            continue
        for path, dirs, names in os.walk(top):
            dirs.sort()
            for name in sorted(names):
                p = os.path.join(path, name)
                try:
                    if os.path.islink(p) or not os.path.isfile(p) or os.path.getsize(p) > (64 << 20):
                        continue
                    with open(p, "rb") as f:
                        if f.read(4) == b"\x7fELF":
                            yield p
                except OSError:
                    continue


def checksec(listfile):
    out = subprocess.run(["checksec", f"--listfile={listfile}", "--output=json"], capture_output=True, text=True).stdout
    # checksec 2.6 writes one file per line and leaves a comma after the last one (not JSON as a
    # whole), and some files make it print stray lines: read the lines that hold a file's object.
    result = {}
    for line in out.splitlines():
        m = re.match(r'\s*"(.+)": (\{.*\}),?\s*$', line)
        if m:
            try:
                result[m.group(1)] = json.loads(m.group(2))
            except json.JSONDecodeError:
                print(f"checksec: unreadable answer: {line}", file=sys.stderr)
    return result


def mdbc(binary, files):
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([binary, "inspect", "--quiet", "--jobs", "1", "--format", "json", "--output", report.name,
                        "--max-file-size", "256", *files], check=False)
        data = json.load(open(report.name))
    return {a["path"]: a.get("hardening") for a in data.get("artifacts", [])}


def checksec_view(c):
    """checksec's answers in mdbc's vocabulary."""
    return {"relro": c.get("relro"), "canary": c.get("canary"), "nx": c.get("nx"), "pie": c.get("pie"),
            "rpath": c.get("rpath"), "runpath": c.get("runpath"), "fortify": c.get("fortify_source")}


def agree(key, theirs, ours):
    if key == "fortify" and theirs == "no" and ours == "none-fortifiable":
        return True  # checksec has no word for "nothing to fortify"
    return theirs == ours


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mdbc", default="build/mdbc")
    ap.add_argument("--count", type=int, default=400)
    ap.add_argument("--checksec-cache", help="JSON file keeping checksec's answers between runs (checksec is slow)")
    ap.add_argument("paths", nargs="*")
    args = ap.parse_args()
    files = list(elf_files(args.paths or ["/usr/bin", "/usr/lib"]))
    if not args.paths and len(files) > args.count:
        step = len(files) / args.count
        files = [files[int(i * step)] for i in range(args.count)]
    theirs_all = {}
    if args.checksec_cache and os.path.exists(args.checksec_cache):
        theirs_all = json.load(open(args.checksec_cache))
    todo = [f for f in files if f not in theirs_all]
    if todo:
        with tempfile.NamedTemporaryFile("w", suffix=".txt") as listfile:
            listfile.write("\n".join(todo) + "\n")
            listfile.flush()
            theirs_all.update(checksec(listfile.name))
        if args.checksec_cache:
            json.dump(theirs_all, open(args.checksec_cache, "w"))
    ours_all = mdbc(args.mdbc, files)
    classes = collections.defaultdict(list)
    missing = []
    for f in files:
        theirs, ours = theirs_all.get(f), ours_all.get(f)
        if theirs is None or ours is None:
            missing.append((f, "checksec" if theirs is None else "mdbc"))
            continue
        view = checksec_view(theirs)
        for key, value in view.items():
            if not agree(key, value, ours.get(key)):
                classes[(key, value, ours.get(key))].append(f)
    print(f"{len(files)} ELF files, {sum(len(v) for v in classes.values())} disagreements in {len(classes)} classes")
    for (key, theirs, ours), where in sorted(classes.items(), key=lambda kv: -len(kv[1])):
        print(f"\n{key}: checksec {theirs}, mdbc {ours} ({len(where)} files)")
        for f in where:
            print(f"  {f}")
    for f, absent in missing:
        print(f"no answer from {absent}: {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
