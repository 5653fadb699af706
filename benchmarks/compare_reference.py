#!/usr/bin/env python3
"""The scikit-learn / imbalanced-learn side of `imbalance-guard compare`: the same strategies, cross-validated
the same way (5 stratified shuffled folds, resampling inside each training fold through an imblearn Pipeline),
printing mean and std of average precision, ROC-AUC and Brier score per strategy. With --ours FILE (the output of
`imbalance-guard compare ... --json`) it prints both side by side. Needs Debian's python3-imblearn
(imbalanced-learn 0.10.0, scikit-learn 1.2.1): apt-get install -y python3-imblearn.

    python3 benchmarks/compare_reference.py data/satimage.csv --ours ours.json
"""
import argparse
import json
import time
import warnings

import numpy as np
from imblearn.ensemble import BalancedRandomForestClassifier
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import make_pipeline
from imblearn.under_sampling import RandomUnderSampler
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, brier_score_loss, roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler


def strategies(seed):
    return {
        "none": lambda: make_pipeline(StandardScaler(), LogisticRegression()),
        "class-weight": lambda: make_pipeline(StandardScaler(), LogisticRegression(class_weight="balanced")),
        "smote": lambda: make_pipeline(StandardScaler(), SMOTE(random_state=seed), LogisticRegression()),
        "random-under": lambda: make_pipeline(StandardScaler(), RandomUnderSampler(random_state=seed), LogisticRegression()),
        # imbalanced-learn 0.13's defaults, which ImbalanceGuard follows (0.10 still defaulted to the old ones).
        "balanced-random-forest": lambda: BalancedRandomForestClassifier(
            n_estimators=100, sampling_strategy="all", replacement=True, bootstrap=False, random_state=seed, n_jobs=-1),
    }


def load(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    data = np.loadtxt(path, delimiter=",", skiprows=1)
    return header, data[:, :-1], data[:, -1]


def main():
    warnings.filterwarnings("ignore")  # 0.10 on scikit-learn 1.2 warns about joblib on every tree
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--ours", help="imbalance-guard compare --json output to print beside")
    args = parser.parse_args()

    _, X, y = load(args.csv)
    classes, counts = np.unique(y, return_counts=True)
    positive = classes[np.argmin(counts)]  # the rarest class, as ImbalanceGuard picks it
    target = (y == positive).astype(int)
    folds = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=args.seed)

    reference = {}
    for name, make in strategies(args.seed).items():
        ap, auc, brier, seconds = [], [], [], []
        for train, test in folds.split(X, target):
            model = make()
            start = time.perf_counter()
            model.fit(X[train], target[train])
            seconds.append(time.perf_counter() - start)
            p = model.predict_proba(X[test])[:, 1]
            ap.append(average_precision_score(target[test], p))
            auc.append(roc_auc_score(target[test], p))
            brier.append(brier_score_loss(target[test], p))
        reference[name] = {k: (float(np.mean(v)), float(np.std(v))) for k, v in
                           {"average_precision": ap, "roc_auc": auc, "brier": brier, "fit_seconds": seconds}.items()}

    if not args.ours:
        print(json.dumps(reference, indent=2))
        return

    with open(args.ours) as f:
        ours = {row["strategy"]: row for row in json.load(f)}
    print(f"{'strategy':<24} {'AP sklearn':>16} {'AP ours':>16} {'ROC-AUC sklearn':>16} {'ROC-AUC ours':>16} {'Brier sklearn':>14} {'Brier ours':>11}")
    for name, ref in reference.items():
        if name not in ours:
            continue
        o = ours[name]
        fmt = lambda m, s: f"{m:.3f} ± {s:.3f}"
        print(f"{name:<24} {fmt(*ref['average_precision']):>16} {fmt(o['average_precision'], o['average_precision_std']):>16} "
              f"{fmt(*ref['roc_auc']):>16} {fmt(o['roc_auc'], o['roc_auc_std']):>16} "
              f"{ref['brier'][0]:>14.3f} {o['brier']:>11.3f}")


if __name__ == "__main__":
    main()
