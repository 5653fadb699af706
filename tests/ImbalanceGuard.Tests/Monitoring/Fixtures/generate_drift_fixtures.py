"""Writes the drift reference fixtures (scipy 1.10.1): run once with /usr/bin/python3 from the repository root.

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Monitoring/Fixtures/generate_drift_fixtures.py

The tests read the JSON files this writes; they never run Python. See README.md in this folder.
"""
import json
import os

import numpy as np
from scipy import stats
from scipy.stats import contingency

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))


def load(name):
    path = os.path.join(ROOT, "data", name)
    with open(path) as f:
        header = f.readline().strip().split(",")
    return header, np.loadtxt(path, delimiter=",", skiprows=1)


def ks_case(name, a, b):
    a = [float(v) for v in a]
    b = [float(v) for v in b]
    r = stats.ks_2samp(a, b)  # method='auto', alternative='two-sided'
    return {"name": name, "x": a, "y": b, "statistic": float(r.statistic), "p_value": float(r.pvalue)}


def write(name, payload):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(payload, f, separators=(",", ":"))


rng = np.random.default_rng(19)
cases = []
# Generated samples rounded to 3 decimals (some ties) at sizes 1..10 000, equal and unequal.
for n1, n2, shift in [(1, 1, 0.0), (1, 1, 1.0), (1, 5, 0.5), (2, 3, 0.0), (3, 3, 2.0), (5, 7, 0.3),
                      (10, 10, 0.0), (10, 10, 3.0), (20, 35, 0.4), (64, 48, 0.2), (100, 100, 0.25),
                      (250, 400, 0.1), (999, 1000, 0.05), (1000, 1000, 0.5), (3000, 2000, 0.02),
                      (4000, 6000, 0.3), (7000, 10000, 0.03), (10000, 10000, 0.02), (9999, 10000, 0.05),
                      (10000, 3, 1.0), (2, 9000, 0.0)]:
    a = np.round(rng.normal(0.0, 1.0, n1), 3)
    b = np.round(rng.normal(shift, 1.0, n2), 3)
    cases.append(ks_case(f"normal {n1}x{n2} shift {shift}", a, b))
# Heavy ties: small integers.
a = rng.integers(0, 5, 300)
b = rng.integers(0, 6, 450)
cases.append(ks_case("integers 0-4 vs 0-5, 300x450", a, b))
# Identical samples, and one sample entirely above the other (the smallest p-values).
a = np.round(rng.normal(0.0, 1.0, 500), 3)
cases.append(ks_case("identical 500", a, a.copy()))
cases.append(ks_case("separated 40x60", np.arange(40), np.arange(100, 160)))
cases.append(ks_case("separated 800x800", np.arange(800), np.arange(1000, 1800)))
cases.append(ks_case("constant equal", np.full(30, 2.0), np.full(17, 2.0)))
cases.append(ks_case("constant different", np.full(30, 2.0), np.full(17, 3.0)))
# Real columns: satimage x01 (first 3000 rows vs the rest), shifted by 2 and unshifted; spam 'free' (many zeros).
header, sat = load("satimage.csv")
cases.append(ks_case("satimage x01 head 3000 vs rest", sat[:3000, 0], sat[3000:, 0]))
cases.append(ks_case("satimage x17 even vs odd +2", sat[0::2, 16], sat[1::2, 16] + 2))
header_spam, spam = load("spam.csv")
free = header_spam.index("free")
cases.append(ks_case("spam free head 2000 vs rest", spam[:2000, free], spam[2000:, free]))
# Asymptotic (max(n1, n2) > 10 000): en = round(n1*n2/(n1+n2)) lands in the n <= 140 and n > 140 branches.
for n1, n2, shift in [(12000, 11000, 0.0), (12000, 11000, 0.03), (12000, 11000, 0.08), (12000, 11000, 0.2),
                      (20000, 60, 0.0), (20000, 60, 0.3), (20000, 60, 0.8), (20000, 60, 2.5),
                      (15000, 300, 0.1), (15000, 300, 0.3)]:
    a = np.round(rng.normal(0.0, 1.0, n1), 3)
    b = np.round(rng.normal(shift, 1.0, n2), 3)
    cases.append(ks_case(f"asymptotic normal {n1}x{n2} shift {shift}", a, b))
write("ks_2samp.json", {"scipy": "1.10.1", "cases": cases})

# kstwo.sf(d, n) over the branches of kolmogn, as ks_2samp's asymptotic mode calls it.
kstwo = []
for n in [1, 2, 5, 30, 50, 140, 141, 296, 1000, 5739, 18750, 100001, 250000]:
    for x in sorted(set([0.4 / n, 0.7 / n, 1.0 / n, 0.6 / np.sqrt(n), 0.8 / np.sqrt(n), 1.2 / np.sqrt(n),
                         1.6 / np.sqrt(n), 1.9 / np.sqrt(n), 3.0 / np.sqrt(n), 5.0 / np.sqrt(n),
                         12.0 / np.sqrt(n), 0.3 * (1.4 / n) ** (2 / 3), 0.9 * (1.4 / n) ** (2 / 3),
                         0.5, 0.6, 1.0 - 1.5 / n, 1.0 - 0.5 / n])):
        if 0 < x < 1:
            kstwo.append({"n": n, "x": float(x), "sf": float(stats.kstwo.sf(x, n))})
write("kstwo_sf.json", {"scipy": "1.10.1", "cases": kstwo})


def chi2_case(name, reference, current):
    table = np.array([reference, current], dtype=float)
    keep = table.sum(axis=0) > 0
    stat, p, dof, _ = contingency.chi2_contingency(table[:, keep], correction=True)
    return {"name": name, "reference": [int(v) for v in reference], "current": [int(v) for v in current],
            "statistic": float(stat), "p_value": float(p), "dof": int(dof)}


tables = [
    chi2_case("2x2 Yates", [30, 10], [22, 18]),
    chi2_case("2x2 Yates small shift", [500, 480], [510, 470]),
    chi2_case("2x2 Yates tiny difference clipped", [10, 10], [10, 11]),
    chi2_case("2x3", [20, 30, 50], [25, 35, 40]),
    chi2_case("2x3 category only in current", [20, 30, 0], [25, 35, 9]),
    chi2_case("2x4 one category in neither", [20, 0, 30, 50], [25, 0, 35, 40]),
    chi2_case("2x5 large shift", [5000, 3000, 1500, 400, 100], [1000, 2000, 3000, 2500, 1500]),
    chi2_case("2x6 identical", [7, 3, 9, 1, 4, 6], [7, 3, 9, 1, 4, 6]),
    chi2_case("2x1 one category", [40], [12]),
]
_, pima = load("pima.csv")
levels = np.arange(18)
ref = [int(np.sum(pima[:400, 0] == v)) for v in levels]
cur = [int(np.sum(pima[400:, 0] == v)) for v in levels]
tables.append(chi2_case("pima pregnant head 400 vs rest", ref, cur))
big = rng.integers(0, 40, 60)
tables.append(chi2_case("2x60 random", list(big + 50), list(big[::-1] + 50)))
chi2_sf = []
for df in [1, 2, 3, 7, 17, 59, 200, 1000]:
    for x in [1e-6, 0.01, 0.5, df * 0.5, float(df), df + 3 * np.sqrt(2 * df), 3.0 * df + 20, 10.0 * df + 200]:
        chi2_sf.append({"df": df, "x": float(x), "sf": float(stats.chi2.sf(x, df))})
write("chi2_contingency.json", {"scipy": "1.10.1", "cases": tables, "chi2_sf": chi2_sf})

# A whole-dataset case: satimage rows 0..2999 as reference; the rest as current with x05 + 3 and x20 * 1.05.
current = sat[3000:].copy()
current[:, 4] += 3
current[:, 19] *= 1.05
features = []
for j, name in enumerate(header[:-1]):
    r = stats.ks_2samp(sat[:3000, j], current[:, j])
    features.append({"name": name, "statistic": float(r.statistic), "p_value": float(r.pvalue)})
write("drift_satimage.json", {"scipy": "1.10.1", "reference_rows": [0, 3000],
                              "shifts": {"x05": "+3", "x20": "*1.05"}, "features": features})
