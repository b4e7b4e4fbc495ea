#!/usr/bin/env python3
"""Writes a corpus of realistic transcripts and articles for benchmarks: the shapes of
data/samples/ (podcast headers, ad reads, broken lines, site furniture, briefings with speaker
labels) with varied outlets, sources, figures and dates. Deterministic from --seed.

usage: gen_corpus.py OUT_DIR --mb 100 [--seed 1] [--agree]

--agree: the sources mostly agree, on round figures (as most real corpora do): every source sees
the same truth, one assessment in fifty dissents, and most figures are written plainly.
"""
import argparse, datetime as dt, os, random

SEED = 1
AGREE = False

# (name, apposition, voice): names of one voice share its assessments, as officials of one
# government do.
SOURCES = [
    ("South Korea's spy agency", "the National Intelligence Service", "nis"), ("The White House", None, "us"),
    ("The Pentagon", None, "us"), ("Ukrainian officials", None, "ukraine"), ("Ukraine's military intelligence", None, "hur"),
    ("Kyrylo Budanov", "Ukraine's intelligence chief", "hur"), ("Western officials", None, "west"),
    ("South Korea's military", None, "jcs"), ("Kremlin spokesman Dmitry Peskov", None, "kremlin"),
    ("Analysts at the Stimson Center", None, "stimson"), ("The Institute for the Study of War", None, "isw"),
    ("President Volodymyr Zelensky", None, "ukraine"), ("Secretary Blinken", None, "us"), ("Yonhap", None, "yonhap"),
]
OUTLETS = ["NK News", "CNN", "Reuters", "BBC", "Kyiv Independent", "Yonhap"]
PLACES = ["the Kursk region", "eastern Russia", "Vladivostok", "Ussuriysk", "Russia's Far East",
          "Khabarovsk", "the Belgorod region", "Donbas", "Pokrovsk"]
# What is counted: the nouns of one metric, and its scale ("truth" per month for deployed and
# planned, from October 2024 on), so that a source never counts sappers in tens of thousands.
METRICS = {
    "troops": (["soldiers", "troops", "special forces", "fighters"],
               [1500, 3000, 8000, 11000, 11000, 11000, 12000, 12000, 14000, 14000, 14000, 15000, 15000, 15000],
               [12000, 12000, 12000, 12000, 15000, 15000, 20000, 20000, 25000, 25000, 30000, 30000, 30000, 30000]),
    "engineers": (["military engineers", "sappers", "deminers"],
                  [0, 0, 0, 0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 1000],
                  [0, 0, 0, 0, 0, 0, 1000, 1000, 6000, 6000, 6000, 6000, 6000, 6000]),
    "workers": (["construction workers", "military builders"],
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 5000, 5000, 5000, 5000, 5000],
                [0, 0, 0, 0, 0, 0, 0, 5000, 5000, 5000, 5000, 5000, 5000, 5000]),
    "shells": (["artillery shells"],
               [1000000, 2000000, 3000000, 3000000, 4000000, 5000000, 6000000, 8000000, 9000000, 10000000, 12000000, 12000000, 12000000, 12000000],
               [0] * 14),
    "missiles": (["ballistic missiles"], [20, 50, 60, 100, 100, 100, 150, 150, 200, 200, 250, 250, 250, 250], [0] * 14),
    "equipment": (["self-propelled guns", "multiple rocket launchers"],
                  [50, 100, 120, 120, 150, 150, 150, 180, 200, 200, 200, 200, 200, 200], [0] * 14),
}
VERBS_PLANNED = ["plans to send", "is expected to dispatch", "is preparing to send", "could send"]
VERBS_DONE = ["has sent", "has deployed", "had shipped", "moved"]
WHEN = ["last week", "on Monday", "on Friday", "yesterday", "earlier this month", "on Wednesday",
        "this week", "on Tuesday"]
WHEN_SAID = ["on Monday", "on Friday", "yesterday", "on Wednesday", "on Tuesday"]
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

# Each source holds one assessment per metric, phase and month: the truth as that source sees it
# (its own lean, and now and then a dissenting figure for a month), restated by every document
# that cites it, with varied hedges. Sources disagree; documents mostly repeat them.
def assessment(seed, source, metric, phase, month):
    truth = METRICS[metric][1 if phase == "deployed" else 2][month]
    if truth == 0: return None
    lean = 1.0 if AGREE else random.Random(f"{seed}:{source}:{metric}").choice([0.8, 0.9, 1.0, 1.0, 1.0, 1.1, 1.25])
    r = random.Random(f"{seed}:{source}:{metric}:{phase}:{month}")
    if r.random() < (0.02 if AGREE else 0.08): lean *= r.choice([0.5, 0.7, 1.5, 2.0])
    n = truth * lean
    digits = len(str(int(n))) - 2  # two significant figures, as officials round
    return int(round(n, -digits)) if digits > 0 else int(n)

def written(rng, n):
    form = rng.random()
    if AGREE and form < 0.8: return f"{n:,}"
    if n >= 1000000 and n % 100000 == 0 and form < 0.5:
        return f"{n / 1e6:g} million"
    if form < 0.55: return f"{n:,}"
    if form < 0.65: return f"about {n:,}"
    if form < 0.75: return f"at least {n:,}"
    if form < 0.82 and n < 1000000: return f"{n:,}\u2013{int(n * 1.2):,}"
    if form < 0.92 and 1000 <= n < 1000000 and n % 1000 == 0:
        return f"{n // 1000}K" if rng.random() < 0.3 else f"{n // 1000} thousand"
    return f"roughly {n:,}"

def month_of(day):
    return max(0, min(13, (day.year - 2024) * 12 + day.month - 10))

def number(rng, day=None, phase="deployed", metric="troops", source=""):
    if day is None:
        return written(rng, rng.choice([300, 500, 1000, 1500, 2000, 3000, 5000, 8000, 10000, 12000, 15000, 20000]))
    n = assessment(SEED, source, metric, phase, month_of(day))
    return written(rng, n) if n else None

def stance_sentence(rng, who):
    """A denial or a refusal to confirm: conflicts pair each with the figures around it."""
    if rng.random() < 0.5:
        return f"{who} {rng.choice(WHEN_SAID)} denied that North Korean troops were deployed to {rng.choice(PLACES)}."
    return f"{who} said {rng.choice(WHEN)} that it could not confirm reports of North Korean troops in {rng.choice(PLACES)}."

def claim_sentence(rng, day=None):
    src, apposition, voice = rng.choice(SOURCES)
    who = f"{src}, {apposition}," if apposition else src
    if day is not None and rng.random() < 0.04: return stance_sentence(rng, who)
    metric = rng.choice(["troops", "troops", "troops", "engineers", "workers", "shells", "missiles", "equipment"])
    nouns, _, planned_truth = METRICS[metric]
    planned = rng.random() < 0.4 and any(planned_truth)
    n = number(rng, day, "planned" if planned else "deployed", metric, voice)
    if n is None: return rng.choice(FILLER)
    verb = rng.choice(VERBS_PLANNED if planned else VERBS_DONE)
    return f"{who} said {rng.choice(WHEN)} that North Korea {verb} {n} {rng.choice(nouns)} to {rng.choice(PLACES)}."

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
            lines.append(f"{stamp} SINGH: We believe that North Korea {rng.choice(VERBS_DONE)} {number(rng, day, 'deployed', 'troops', 'us')} soldiers to {rng.choice(PLACES)}."
                         if rng.random() < 0.2 else f"{stamp} SINGH: {rng.choice(FILLER)}")
    return "\n".join(lines) + "\n"

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--agree", action="store_true", help="sources mostly agree, on round figures")
    a = ap.parse_args()
    global SEED, AGREE
    SEED, AGREE = a.seed, a.agree
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
