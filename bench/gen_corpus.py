#!/usr/bin/env python3
"""Writes a corpus of realistic transcripts and articles for benchmarks: the shapes of
data/samples/ (podcast headers, ad reads, broken lines, site furniture, briefings with speaker
labels) with varied outlets, sources, figures and dates. Deterministic from --seed.

usage: gen_corpus.py OUT_DIR --mb 100 [--seed 1]
"""
import argparse, datetime as dt, os, random

SOURCES = [
    ("South Korea's spy agency", "the National Intelligence Service"), ("The White House", None),
    ("The Pentagon", None), ("Ukrainian officials", None), ("Ukraine's military intelligence", None),
    ("Kyrylo Budanov", "Ukraine's intelligence chief"), ("Western officials", None),
    ("South Korea's military", None), ("Kremlin spokesman Dmitry Peskov", None),
    ("Analysts at the Stimson Center", None), ("The Institute for the Study of War", None),
    ("President Volodymyr Zelensky", None), ("Secretary Blinken", None), ("Yonhap", None),
]
OUTLETS = ["NK News", "CNN", "Reuters", "BBC", "Kyiv Independent", "Yonhap"]
PLACES = ["the Kursk region", "eastern Russia", "Vladivostok", "Ussuriysk", "Russia's Far East",
          "Khabarovsk", "the Belgorod region", "Donbas", "Pokrovsk"]
NOUNS = ["soldiers", "troops", "special forces", "military engineers", "construction workers",
         "sappers", "artillery shells", "ballistic missiles", "self-propelled guns", "fighters"]
VERBS_PLANNED = ["plans to send", "is expected to dispatch", "is preparing to send", "could send"]
VERBS_DONE = ["has sent", "has deployed", "had shipped", "moved"]
WHEN = ["last week", "on Monday", "on Friday", "yesterday", "earlier this month", "in June",
        "last November", "on Wednesday", "this month"]
FILLER = [
    "It is hard to verify any of this from the outside, and the numbers keep changing.",
    "We have seen footage that appears to show the units training, but it is grainy.",
    "The question is what Pyongyang gets in return, and there is a lot of speculation about that.",
    "Of course, Moscow has not said much publicly, and Seoul is weighing its options.",
    "There is a lot of uncertainty here and analysts disagree on almost everything.",
    "The logistics alone are complicated, from the rail lines to the ports in the far east.",
    "That raises questions about command and control, and about language barriers.",
    "Right, and we should be careful not to read too much into a single report.",
]
ADS = [
    "Explore the unofficial world of DPRK-inspired apparel at the NK News Shop. Dive into t-shirts, hoodies and more.",
    "Looking to stay informed? Join us on Korea Pro, with subscription packages starting at just $199 annually. Become a member today.",
]

# What is "really" there each month: sources round it, hedge it, and now and then exaggerate.
TRUTH = {"deployed": [1500, 3000, 8000, 11000, 11000, 11000, 12000, 12000, 14000, 14000, 14000, 15000, 15000, 15000],
         "planned": [12000, 12000, 12000, 12000, 15000, 15000, 20000, 20000, 25000, 25000, 30000, 30000, 30000, 30000]}

def number(rng, day=None, phase="deployed"):
    if day is not None:
        month = min(13, (day.year - 2024) * 12 + day.month - 10)
        n = TRUTH[phase][max(0, month)]
        if rng.random() < 0.1: n = int(n * rng.choice([0.5, 0.7, 1.4, 2.0]))  # a dissenting estimate
        n = max(100, round(n, -2))
    else:
        n = rng.choice([300, 500, 1000, 1500, 2000, 3000, 5000, 6000, 8000, 10000, 11000, 12000, 15000, 20000, 25000, 30000])
    form = rng.random()
    if form < 0.55: return f"{n:,}"
    if form < 0.65: return f"about {n:,}"
    if form < 0.75: return f"at least {n:,}"
    if form < 0.85: return f"{n:,}\u2013{int(n * 1.2):,}"
    if form < 0.92 and n >= 1000 and n % 1000 == 0: return f"{n // 1000}K" if rng.random() < 0.3 else f"{n // 1000} thousand"
    return f"roughly {n:,}"

def claim_sentence(rng, day=None):
    src, apposition = rng.choice(SOURCES)
    who = f"{src}, {apposition}," if apposition else src
    planned = rng.random() < 0.4
    verb = rng.choice(VERBS_PLANNED if planned else VERBS_DONE)
    return (f"{who} said {rng.choice(WHEN)} that North Korea {verb} {number(rng, day, 'planned' if planned else 'deployed')} "
            f"{rng.choice(NOUNS)} to {rng.choice(PLACES)}.")

def wrap(text, rng, width):
    """Breaks lines mid-sentence, as captured transcripts do."""
    out, line = [], ""
    for word in text.split(" "):
        if len(line) + len(word) > width and line:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    out.append(line)
    return "\n".join(out)

def podcast(rng, day):
    outlet = rng.choice(["NK News", "Korea Briefing"])
    body = [rng.choice(ADS), f"Hello and welcome. This episode was recorded on {day:%A}, the {day.day}th of {day:%B}, {day.year}."]
    for _ in range(rng.randint(60, 160)):
        body.append(claim_sentence(rng, day) if rng.random() < 0.08 else rng.choice(FILLER))
    body.append(rng.choice(ADS))
    head = (f"North Korea News Podcast by {outlet} - Troops, numbers and what they mean\n"
            f"Episode Date: {day:%B} {day.day}, {day.year}{claim_sentence(rng, day)} […]\nTranscript\nDiscussion (0)\n")
    return head + wrap(" ".join(body), rng, rng.randint(70, 110)) + "\n"

def article(rng, day):
    paras = [claim_sentence(rng, day) if rng.random() < 0.3 else rng.choice(FILLER) for _ in range(rng.randint(10, 30))]
    return ("Skip to content\nMenu\n\nNorth Korean troops: the latest estimates\n\n"
            f"Published: {day:%B} {day.day}, {day.year}\n\n" + "\n\n".join(paras) +
            f"\n\nShare this article\nCookie policy | All rights reserved\nSource: {rng.choice(OUTLETS)}\n")

def briefing(rng, day):
    lines = [f"Department of Defense press briefing\nDate: {day:%B} {day.day}, {day.year}\nTranscript\n"]
    for i in range(rng.randint(10, 30)):
        stamp = f"[00:{i // 60:02}:{i % 60:02}]"
        if rng.random() < 0.3:
            lines.append(f"{stamp} Q: Are we talking more than {number(rng)} troops?")
        else:
            lines.append(f"{stamp} SINGH: We believe that North Korea {rng.choice(VERBS_DONE)} {number(rng, day)} soldiers to {rng.choice(PLACES)}."
                         if rng.random() < 0.2 else f"{stamp} SINGH: {rng.choice(FILLER)}")
    return "\n".join(lines) + "\n"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    target, written, n = int(a.mb * 1e6), 0, 0
    start = dt.date(2024, 10, 1)
    while written < target:
        day = start + dt.timedelta(days=rng.randint(0, 400))
        kind = rng.random()
        text = podcast(rng, day) if kind < 0.5 else article(rng, day) if kind < 0.85 else briefing(rng, day)
        folder = os.path.join(a.out, f"{n // 1000:04}")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, f"doc_{n:07}.txt"), "w", encoding="utf-8") as f:
            f.write(text)
        written += len(text.encode())
        n += 1
    print(f"{n} documents, {written / 1e6:.1f} MB in {a.out}")

if __name__ == "__main__":
    main()
