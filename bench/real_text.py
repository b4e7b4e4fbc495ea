#!/usr/bin/env python3
"""Measures `extract` on real text: the documents of the given folders (the seeds and the dev
set of the shared corpus), copied over and over into one folder until it holds --mb of text,
then extracted once per run with GNU time. Prints MB/s (of the fastest run) and peak memory.
Not a test: it never fails on a figure. The corpus is not ours, so the copies live in --work,
never in the repository.

usage: bench/real_text.py --bin build/nkclaims [--mb 50] [--runs 3] [--work DIR] FOLDER...
"""
import argparse, os, re, shutil, subprocess, sys, time


def build(work, folders, mb):
    """Copies the folders' text files into `work` until it holds `mb` megabytes."""
    sources = []
    for folder in folders:
        for root, _, files in sorted(os.walk(folder)):
            for f in sorted(files):
                if f.endswith((".txt", ".vtt", ".srt", ".md", ".html", ".htm")):
                    sources.append(os.path.join(root, f))
    if not sources:
        sys.exit("real_text: no documents in " + ", ".join(folders))
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    total, n = 0, 0
    while total < mb * 1e6:
        src = sources[n % len(sources)]
        name = f"{n // len(sources):05d}_{os.path.basename(src)}"
        shutil.copyfile(src, os.path.join(work, name))
        total += os.path.getsize(src)
        n += 1
    return total, n


def extract(nk, work):
    """Runs one extract under GNU time; returns (seconds, peak KB)."""
    start = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", nk, "extract", "--format", "jsonl", work],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit("real_text: extract failed: " + p.stderr[-300:])
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    return elapsed, int(peak.group(1)) if peak else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--work", default="/tmp/nkclaims-real-text")
    ap.add_argument("folders", nargs="+")
    a = ap.parse_args()
    total, files = build(a.work, a.folders, a.mb)
    runs = [extract(os.path.abspath(a.bin), a.work) for _ in range(a.runs)]
    fastest = min(r[0] for r in runs)
    peak = max(r[1] for r in runs)
    print(f"{files} files, {total / 1e6:.1f} MB; extract best of {a.runs}: {fastest:.2f} s, "
          f"{total / 1e6 / fastest:.1f} MB/s; peak memory {peak / 1024:.1f} MB")


if __name__ == "__main__":
    main()
