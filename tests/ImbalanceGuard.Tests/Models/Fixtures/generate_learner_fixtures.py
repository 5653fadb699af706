"""Generates the scikit-learn reference fits of the learner tests (run once; the tests never call Python).

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Models/Fixtures/generate_learner_fixtures.py

scikit-learn 1.2.1, numpy 1.24 (Debian bookworm python3-sklearn). Features are standardised with
StandardScaler (population standard deviation), as the tests do. Writes logistic_reference.json.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "data")


def standardised(name):
    raw = np.loadtxt(os.path.join(DATA, name + ".csv"), delimiter=",", skiprows=1)
    return StandardScaler().fit_transform(raw[:, :-1]), raw[:, -1].astype(int)


def row_weights(n):
    # Deterministic, uneven weights the C# test rebuilds: 0.5, 1.0, 1.5, 2.0, 0.5, ...
    return np.array([0.5 * (1 + (i % 4)) for i in range(n)])


def fit(x, y, c, sample_weight=None):
    # lbfgs with tol=1e-10 still stops early: SciPy's relative-reduction test (ftol = 64 eps, which
    # scikit-learn sets) ends it with gradient components near 1e-3. newton-cg with tol=1e-10 reaches the
    # exact minimiser of the same objective; that is the reference, and the lbfgs fit is kept beside it.
    exact = LogisticRegression(C=c, solver="newton-cg", tol=1e-10, max_iter=10000).fit(x, y, sample_weight=sample_weight)
    lbfgs = LogisticRegression(C=c, tol=1e-10, max_iter=10000).fit(x, y, sample_weight=sample_weight)
    return {
        "C": c,
        "sample_weight": "0.5 * (1 + i % 4)" if sample_weight is not None else None,
        "coef": exact.coef_.tolist(),
        "intercept": exact.intercept_.tolist(),
        "lbfgs_coef": lbfgs.coef_.tolist(),
        "lbfgs_intercept": lbfgs.intercept_.tolist(),
        "lbfgs_n_iter": int(lbfgs.n_iter_[0]),
    }


def main():
    x, y = standardised("pima")
    cases = [
        {"dataset": "pima", **fit(x, y, 1.0)},
        {"dataset": "pima", **fit(x, y, 0.01)},
        {"dataset": "pima", **fit(x, y, 1.0, row_weights(len(y)))},
    ]
    gx, gy = standardised("glass")
    cases.append({"dataset": "glass", "classes": sorted(set(gy.tolist())), **fit(gx, gy, 1.0)})
    cases.append({"dataset": "glass", "classes": sorted(set(gy.tolist())), **fit(gx, gy, 1.0, row_weights(len(gy)))})

    folds = np.zeros(len(y), dtype=int)
    for f, (_, test) in enumerate(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y)):
        folds[test] = f
    scores = np.zeros(len(y))
    for f in range(5):
        train, test = folds != f, folds == f
        scaler = StandardScaler().fit(x[train])
        model = LogisticRegression().fit(scaler.transform(x[train]), y[train])
        scores[test] = model.predict_proba(scaler.transform(x[test]))[:, 1]

    payload = {
        "generator": "generate_learner_fixtures.py",
        "sklearn": sklearn.__version__,
        "model": "LogisticRegression(C=C, solver=newton-cg, tol=1e-10, max_iter=10000) (coef, intercept) and the same with lbfgs (lbfgs_*); multinomial for glass; standardised features",
        "cases": cases,
        "pima_oof_roc_auc_default": roc_auc_score(y, scores),
        "oof_note": "LogisticRegression() defaults, StandardScaler fitted per training fold, StratifiedKFold(5, shuffle=True, random_state=0)",
    }
    with open(os.path.join(HERE, "logistic_reference.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
