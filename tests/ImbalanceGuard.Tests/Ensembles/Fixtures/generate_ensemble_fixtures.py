"""Generates the imbalanced-learn reference figures of the ensemble tests (run once; tests never call Python).

    /usr/bin/python3 tests/ImbalanceGuard.Tests/Ensembles/Fixtures/generate_ensemble_fixtures.py

scikit-learn 1.2.1 and imbalanced-learn 0.10.0 (Debian bookworm python3-sklearn, python3-imblearn). The
installed imbalanced-learn is older than the defaults the project follows (imbalanced-learn 0.13+), so every
default that changed since 0.10 is passed explicitly:
- BalancedRandomForestClassifier: sampling_strategy="all", replacement=True, bootstrap=False (0.13 defaults);
- EasyEnsembleClassifier: AdaBoostClassifier(algorithm="SAMME") inside (scikit-learn >= 1.6 has only SAMME);
- RUSBoostClassifier: algorithm="SAMME" (imbalanced-learn 0.14 has only SAMME).
Writes ensembles_pima.json: out-of-fold ROC-AUC on raw pima, per seed, for the folds of forest_pima.json.
"""
import json
import os

import imblearn
import numpy as np
import sklearn
from imblearn.ensemble import (BalancedBaggingClassifier, BalancedRandomForestClassifier,
                               EasyEnsembleClassifier, RUSBoostClassifier)
from sklearn.ensemble import AdaBoostClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "..", "data")

MODELS = {
    "balanced_bagging": lambda s: BalancedBaggingClassifier(random_state=s),
    "balanced_random_forest": lambda s: BalancedRandomForestClassifier(
        sampling_strategy="all", replacement=True, bootstrap=False, random_state=s),
    "easy_ensemble": lambda s: EasyEnsembleClassifier(
        estimator=AdaBoostClassifier(algorithm="SAMME"), random_state=s),
    "rus_boost": lambda s: RUSBoostClassifier(algorithm="SAMME", random_state=s),
    "adaboost_samme": lambda s: AdaBoostClassifier(algorithm="SAMME", random_state=s),
}

SEEDS = range(5)


def main():
    raw = np.loadtxt(os.path.join(DATA, "pima.csv"), delimiter=",", skiprows=1)
    x, y = raw[:, :-1], raw[:, -1].astype(int)
    folds = np.zeros(len(y), dtype=int)
    for f, (_, test) in enumerate(StratifiedKFold(n_splits=5, shuffle=True, random_state=0).split(x, y)):
        folds[test] = f

    def oof_auc(make, seed):
        scores = np.zeros(len(y))
        for f in range(5):
            train, test = folds != f, folds == f
            model = make(seed).fit(x[train], y[train])
            scores[test] = model.predict_proba(x[test])[:, 1]
        return roc_auc_score(y, scores)

    results = {}
    for name, make in MODELS.items():
        aucs = [oof_auc(make, s) for s in SEEDS]
        results[name] = {"oof_roc_auc_per_seed": aucs, "mean": float(np.mean(aucs))}

    payload = {
        "generator": "generate_ensemble_fixtures.py",
        "sklearn": sklearn.__version__,
        "imblearn": imblearn.__version__,
        "dataset": "pima (raw features)",
        "folds": "StratifiedKFold(n_splits=5, shuffle=True, random_state=0)",
        "seeds": list(SEEDS),
        "models": results,
    }
    with open(os.path.join(HERE, "ensembles_pima.json"), "w") as f:
        json.dump(payload, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
