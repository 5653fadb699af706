"""Generates isolation_forest.json, the scikit-learn reference of the IsolationForest tests (run once; the tests never
call Python).

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Models/Fixtures/generate_isolation_forest_fixtures.py

scikit-learn 1.2.1 (Debian bookworm python3-sklearn). For each dataset, IsolationForest(random_state=s) with its
defaults is fitted on the rows of the largest class, every row is scored with -score_samples (the anomaly score
2^(-E[h]/c(psi))), and the average precision of those scores for the rarer class is recorded, for s = 0 to 19.
Random draws cannot agree with scikit-learn's, so the tests compare these in distribution (mean and spread).
"""
import json
import os

import numpy as np
from sklearn.ensemble import IsolationForest
from sklearn.metrics import average_precision_score

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "data")

cases = []
for name in ["hacide", "satimage", "optical_digits"]:
    raw = np.loadtxt(os.path.join(DATA, name + ".csv"), delimiter=",", skiprows=1)
    x, y = raw[:, :-1], raw[:, -1].astype(int)
    classes, counts = np.unique(y, return_counts=True)
    normal, rare = classes[np.argmax(counts)], classes[np.argmin(counts)]
    aps, normal_means, rare_means = [], [], []
    for seed in range(20):
        forest = IsolationForest(random_state=seed).fit(x[y == normal])
        score = -forest.score_samples(x)
        aps.append(average_precision_score(y == rare, score))
        normal_means.append(float(score[y == normal].mean()))
        rare_means.append(float(score[y == rare].mean()))
    cases.append({
        "dataset": name,
        "normal_class": str(normal),
        "rare_class": str(rare),
        "average_precision": aps,
        "mean_score_normal": normal_means,
        "mean_score_rare": rare_means,
    })

with open(os.path.join(HERE, "isolation_forest.json"), "w") as f:
    json.dump({"sklearn": __import__("sklearn").__version__, "cases": cases}, f, indent=1)
