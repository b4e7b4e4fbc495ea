#!/usr/bin/env python3
"""Measures nkclaims against the targets of issue 6 and prints the figures next to each target
and next to `wc -w` on the same text, as a table and as JSON. Not a test: it never fails.

usage: bench/run.py [--bin build/nkclaims] [--mb 100] [--big-mb 920] [--work /tmp/nkclaims-bench] [--runs 3] [--json FILE]
                    [--agree]

The conflicts and claims targets are for a database of 1,000,000 claims: --big-mb of corpus
(920 MB make ~1,000,000 claims) is generated and ingested once into WORK/big.db. With --agree
its sources mostly agree on round figures (gen_corpus.py --agree): give it a WORK of its own.

Wall times on a shared machine vary: each command runs --runs times and the fastest counts.
Peak memory is the child's maximum resident set (wait4's ru_maxrss).
"""
import argparse, json, os, platform, shutil, subprocess, sys, time

def run(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak KB)."""
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    err = p.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        sys.exit(f"bench: {' '.join(cmd)} failed: {err[:300]}")
    return elapsed, usage.ru_maxrss

def best(cmd, runs, setup=None):
    results = []
    for _ in range(runs):
        if setup: setup()
        results.append(run(cmd))
    return min(r[0] for r in results), max(r[1] for r in results)

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default=os.path.join(here, "..", "build", "nkclaims"))
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--work", default="/tmp/nkclaims-bench")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--big-mb", type=float, default=920)
    ap.add_argument("--json")
    ap.add_argument("--agree", action="store_true", help="the big corpus's sources mostly agree, on round figures")
    a = ap.parse_args()
    nk = os.path.abspath(a.bin)
    corpus, db, flat = os.path.join(a.work, "corpus"), os.path.join(a.work, "bench.db"), os.path.join(a.work, "corpus.txt")
    if not os.path.isdir(corpus):
        os.makedirs(a.work, exist_ok=True)
        subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), corpus, "--mb", str(a.mb), "--seed", "1"], check=True)
    if not os.path.exists(flat):
        with open(flat, "wb") as out:
            for root, _, files in sorted(os.walk(corpus)):
                for f in sorted(files):
                    with open(os.path.join(root, f), "rb") as src:
                        shutil.copyfileobj(src, out)
    mb = os.path.getsize(flat) / 1e6
    wc_s, _ = best(["wc", "-w", flat], a.runs)
    wc = mb / wc_s
    rows = []
    def row(name, value, unit, target, ok):
        rows.append({"measure": name, "value": round(value, 2), "unit": unit, "target": target, "met": ok})

    ex_s, ex_kb = best([nk, "extract", corpus], a.runs)
    row("extract, 1 core", mb / ex_s, "MB/s", ">= 50 MB/s", mb / ex_s >= 50)
    def fresh():
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(db + suffix): os.remove(db + suffix)
    in_s, in_kb = best([nk, "ingest", "-q", "--no-conflicts", "--db", db, corpus], a.runs, fresh)
    row("ingest into a new database, 1 core", mb / in_s, "MB/s", ">= 20 MB/s", mb / in_s >= 20)
    j2_s, j2_kb = best([nk, "ingest", "-q", "--no-conflicts", "--jobs", "2", "--db", db, corpus], a.runs, fresh)
    row("ingest --jobs 2 speed-up", in_s / j2_s, "x", ">= 1.7x", in_s / j2_s >= 1.7)
    peak = max(ex_kb, in_kb, j2_kb) / 1024
    row("peak memory (extract, ingest)", peak, "MB", "<= 64 MB", peak <= 64)
    re_s, _ = best([nk, "ingest", "-q", "--jobs", "2", "--db", db, corpus], a.runs)
    row("re-ingest unchanged corpus", re_s, "s", "near free", re_s < in_s / 5)
    big_corpus, big_db = os.path.join(a.work, "big-corpus"), os.path.join(a.work, "big.db")
    if not os.path.exists(big_db):
        if not os.path.isdir(big_corpus):
            subprocess.run([sys.executable, os.path.join(here, "gen_corpus.py"), big_corpus, "--mb", str(a.big_mb), "--seed", "2"]
                           + (["--agree"] if a.agree else []), check=True)
        subprocess.run([nk, "ingest", "-q", "--no-conflicts", "--jobs", "2", "--db", big_db, big_corpus], check=True)
    claims = int(subprocess.run(["sqlite3", big_db, "SELECT count(*) FROM claims"], capture_output=True, text=True).stdout)
    cf_s, cf_kb = best([nk, "conflicts", "--db", big_db, "--format", "json"], a.runs)
    row(f"conflicts over {claims:,} claims", cf_s, "s", "< 3 s", cf_s < 3)
    cl_s, _ = best([nk, "claims", "--db", big_db, "--metric", "troops", "--format", "jsonl"], a.runs)
    row(f"claims --metric troops over {claims:,} claims", cl_s, "s", "< 0.5 s", cl_s < 0.5)
    machine = f"{platform.node()} {os.cpu_count()} cores, {platform.machine()}"
    print(f"corpus: {mb:.1f} MB in {corpus}; wc -w reads it at {wc:.0f} MB/s; big database: {claims:,} claims; {machine}")
    print(f"{'measure':<48} {'value':>10} {'unit':<5} {'x wc -w':>8}  {'target':<22} met")
    for r in rows:
        ratio = f"{r['value'] / wc:.2f}" if r["unit"] == "MB/s" else ""
        met = {True: "yes", False: "NO", None: "-"}[r["met"]]
        print(f"{r['measure']:<48} {r['value']:>10} {r['unit']:<5} {ratio:>8}  {r['target']:<22} {met}")
    report = {"corpus_mb": round(mb, 1), "wc_w_mb_s": round(wc, 1), "claims": claims, "machine": machine, "results": rows}
    if a.json:
        with open(a.json, "w") as f: json.dump(report, f, indent=1)
    print(json.dumps(report))

if __name__ == "__main__":
    main()
