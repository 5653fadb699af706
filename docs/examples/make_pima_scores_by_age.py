"""Writes docs/examples/pima_oof_scores_by_age.csv: out-of-fold probabilities of a standardised logistic
regression on data/pima.csv (scikit-learn defaults, 5 stratified folds shuffled with random_state=0) with each
row's age band, for the README's example of `imbalance-guard evaluate --by`.

Run from the repository root: /usr/bin/python3 docs/examples/make_pima_scores_by_age.py
(Debian's python3-sklearn, scikit-learn 1.2.1.)
"""
import csv

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

with open("data/pima.csv", newline="") as f:
    rows = list(csv.reader(f))
header, values = rows[0], np.array(rows[1:], dtype=float)
features, labels = values[:, :-1], values[:, -1].astype(int)
model = make_pipeline(StandardScaler(), LogisticRegression())
folds = StratifiedKFold(5, shuffle=True, random_state=0)
scores = cross_val_predict(model, features, labels, cv=folds, method="predict_proba")[:, 1]
age = features[:, header.index("age")]
bands = np.where(age < 30, "under-30", np.where(age < 50, "30-49", "50+"))
with open("docs/examples/pima_oof_scores_by_age.csv", "w", newline="") as f:
    f.write("label,score,age_band\n")
    for label, score, band in zip(labels, scores, bands):
        f.write(f"{label},{score!r},{band}\n")
