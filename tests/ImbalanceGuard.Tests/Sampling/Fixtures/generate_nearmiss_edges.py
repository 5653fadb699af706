"""Generates NearMiss's edge-case references (run once; the tests never call Python).

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Sampling/Fixtures/generate_nearmiss_edges.py

imbalanced-learn 0.10.0 and scikit-learn 1.2.1 (Debian bookworm python3-imblearn, python3-sklearn).
Each case is small data made here (Gaussian blobs from a fixed seed, so no two distances or distance sums
are equal unless the case says so), NearMiss's parameters, and what imbalanced-learn did: the rows it kept
(`sample_indices_`, sorted) and whether it warned, or the error it raised. For a refusal the case also names
the class and the parameter the refusal is about; the script checks them against the numbers in
scikit-learn's message ("n_samples = <rows of that class>, n_neighbors = <that parameter>").
Writes nearmiss_edges.json beside this file.
"""
import json
import os
import re
import warnings

import imblearn
import numpy as np
import sklearn
from imblearn.under_sampling import NearMiss

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(sizes, seed, order="grouped"):
    """Rows of classes 0, 1, ... with sizes[c] rows each, class c centred at (c, c/2) with unit spread.

    order: "grouped" puts the classes one after another in `sizes` order (a dict's order: its keys may
    start with any class); "interleaved" deals them out in turn.
    """
    rng = np.random.RandomState(seed)
    labels = [c for c, n in sizes.items() for _ in range(n)]
    if order == "interleaved":
        pools = {c: n for c, n in sizes.items()}
        labels = []
        while any(pools.values()):
            for c in sizes:
                if pools[c]:
                    labels.append(c)
                    pools[c] -= 1
    y = np.array(labels)
    centres = np.array([[c, c / 2.0] for c in y], dtype=float)
    X = centres + rng.normal(0.0, 1.0, size=(len(y), 2))
    return X, y


def with_duplicates(X, y, copies):
    """Appends exact copies of the given rows (same features, same label)."""
    return np.vstack([X, X[copies]]), np.concatenate([y, y[copies]])


def strategy_text(strategy):
    if isinstance(strategy, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in strategy.items()) + "}"
    return str(strategy)


CASES = []


def case(name, X, y, version, n_neighbors=3, n_neighbors_ver3=3, sampling_strategy="auto", refused=None, note=None):
    CASES.append(dict(name=name, X=X, y=y, version=version, n_neighbors=n_neighbors,
                      n_neighbors_ver3=n_neighbors_ver3, sampling_strategy=sampling_strategy,
                      refused=refused, note=note))


# A minority of 1, 2, n_neighbors - 1, n_neighbors and n_neighbors + 1 rows (n_neighbors = 4), majority 12.
for version in (1, 2, 3):
    for rows in (1, 2, 3, 4, 5):
        X, y = blobs({0: 12, 1: rows}, seed=10 + rows, order="interleaved")
        refused = None if rows >= 4 or version == 2 else {"class": 1, "parameter": "n_neighbors"}
        case(f"v{version}_minority_of_{rows}_n_neighbors_4", X, y, version, n_neighbors=4, refused=refused)

# Version 2 with n_neighbors far beyond the minority: every minority row is averaged over.
X, y = blobs({0: 15, 1: 6}, seed=21)
case("v2_n_neighbors_100_minority_of_6", X, y, 2, n_neighbors=100)

# Multi-class: a minority of 2 is too small for n_neighbors = 3 in versions 1 and 3, not in version 2.
X, y = blobs({0: 15, 1: 10, 2: 2}, seed=22, order="interleaved")
for version in (1, 2, 3):
    case(f"v{version}_multiclass_minority_of_2", X, y, version,
         refused=None if version == 2 else {"class": 2, "parameter": "n_neighbors"})

# A majority class asked for more rows than it has (the strategy is refused, every version).
X, y = blobs({0: 12, 1: 5}, seed=23)
for version in (1, 2, 3):
    case(f"v{version}_counts_above_the_class_size", X, y, version, sampling_strategy={0: 13},
         refused={"class": 0, "parameter": "sampling_strategy"})

# Version 3: the class shortlisted must have n_neighbors_ver3 rows; equal is enough.
X, y = blobs({0: 12, 1: 5}, seed=24, order="interleaved")
case("v3_class_of_12_n_neighbors_ver3_13", X, y, 3, n_neighbors_ver3=13,
     refused={"class": 0, "parameter": "n_neighbors_ver3"})
case("v3_class_of_12_n_neighbors_ver3_12", X, y, 3, n_neighbors_ver3=12)
# Both too large: the shortlist of the first targeted class is searched first, so n_neighbors_ver3 is named.
case("v3_both_parameters_too_large", X, y, 3, n_neighbors=6, n_neighbors_ver3=13,
     refused={"class": 0, "parameter": "n_neighbors_ver3"})
# A shortlist shorter than the class's target: every shortlisted row is kept, with a warning.
X, y = blobs({0: 14, 1: 4}, seed=25)
case("v3_shortlist_shorter_than_the_target", X, y, 3, n_neighbors_ver3=1, sampling_strategy={0: 10})
# A class left out of the strategy needs no shortlist, however small.
X, y = blobs({0: 20, 1: 6, 2: 2}, seed=26, order="interleaved")
case("v3_untargeted_class_below_n_neighbors_ver3", X, y, 3, n_neighbors=2, n_neighbors_ver3=7,
     sampling_strategy={0: 5})
# The minority itself targeted ("all"): its shortlist comes from its own rows.
X, y = blobs({0: 12, 1: 2}, seed=27)
case("v3_all_minority_below_n_neighbors_ver3", X, y, 3, n_neighbors=1, sampling_strategy="all",
     refused={"class": 1, "parameter": "n_neighbors_ver3"})

# "all": the minority is targeted too (to its own size); a row's nearest minority row is itself.
X, y = blobs({0: 14, 1: 6}, seed=28, order="interleaved")
for version in (1, 2, 3):
    case(f"v{version}_all_classes", X, y, version, sampling_strategy="all")

# Multi-class, auto.
X, y = blobs({0: 20, 1: 8, 2: 12}, seed=29, order="interleaved")
for version in (1, 2, 3):
    case(f"v{version}_multiclass_auto", X, y, version)

# Two classes share the smallest count and the later one in class order appears first: the strategy's
# minority is class 0 (np.unique order), NearMiss's is class 2 (Counter order, first appearance), so class 2
# is under-sampled to its own size measured against itself.
X, y = blobs({2: 5, 0: 5, 1: 20}, seed=30)
for version in (1, 2, 3):
    case(f"v{version}_minority_tie_first_appearance", X, y, version)

# Per-class counts on three classes, and a ratio on two.
X, y = blobs({0: 16, 1: 11, 2: 5}, seed=31, order="interleaved")
for version in (1, 2, 3):
    case(f"v{version}_multiclass_counts", X, y, version, sampling_strategy={1: 4})
X, y = blobs({0: 18, 1: 6}, seed=32)
for version in (1, 2, 3):
    case(f"v{version}_ratio_0_5", X, y, version, sampling_strategy=0.5)

# Exact duplicates of majority rows (rows 16-19 copy rows 0, 3, 5, 5): equal distance sums, and the target
# of 4 cuts through the three copies of row 5, so only the lower row indices 5 and 18 are kept.
X, y = blobs({0: 12, 1: 4}, seed=33)
X, y = with_duplicates(X, y, [0, 3, 5, 5])
for version in (1, 2, 3):
    case(f"v{version}_duplicate_majority_rows", X, y, version, sampling_strategy={0: 4})


def run(c):
    sampler = NearMiss(version=c["version"], n_neighbors=c["n_neighbors"],
                       n_neighbors_ver3=c["n_neighbors_ver3"], sampling_strategy=c["sampling_strategy"])
    X, y = c["X"], c["y"]
    out = {
        "name": c["name"],
        "params": {
            "version": c["version"],
            "n_neighbors": c["n_neighbors"],
            "n_neighbors_ver3": c["n_neighbors_ver3"],
            "sampling_strategy": strategy_text(c["sampling_strategy"]),
        },
        "X": X.tolist(),
        "y": y.tolist(),
    }
    if c["note"]:
        out["note"] = c["note"]
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            _, y_res = sampler.fit_resample(X, y)
    except ValueError as error:
        refused = c["refused"]
        assert refused is not None, (c["name"], error)
        rows = int(np.sum(y == refused["class"]))
        message = str(error)
        if refused["parameter"] == "sampling_strategy":
            asked = c["sampling_strategy"][refused["class"]]
            assert f"there is {rows} samples and {asked} samples are asked" in message, message
        else:
            numbers = re.search(r"n_samples = (\d+), n_neighbors = (\d+)", message)
            assert numbers and int(numbers.group(1)) == rows, message
            assert int(numbers.group(2)) == c[refused["parameter"]], message
        out["error"] = message
        out["refused"] = {"class": str(refused["class"]), "rows": rows, "parameter": refused["parameter"]}
        return out
    assert c["refused"] is None, (c["name"], "expected a refusal")
    out["kept_indices"] = sorted(int(i) for i in sampler.sample_indices_)
    out["counts_after"] = {str(k): int(v) for k, v in zip(*np.unique(y_res, return_counts=True))}
    out["warned"] = any("larger than the number of samples available" in str(w.message) for w in caught)
    return out


def main():
    payload = {
        "generator": "generate_nearmiss_edges.py",
        "imblearn": imblearn.__version__,
        "sklearn": sklearn.__version__,
        "cases": [run(c) for c in CASES],
    }
    text = json.dumps(payload, indent=1)
    # One line per row of features, per list of indices.
    text = re.sub(r"\[\s+([^\[\]{}]*?)\s+\]", lambda m: "[" + re.sub(r"\s+", " ", m.group(1)) + "]", text)
    with open(os.path.join(HERE, "nearmiss_edges.json"), "w") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main()
