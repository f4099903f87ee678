#!/usr/bin/env python3
"""Reference values for mlops4j's Gaussian naive Bayes (GaussianNaiveBayesTrainerTest), made with scikit-learn.

Run from this folder with /usr/bin/python3 (numpy, scikit-learn 1.2); writes gaussian_nb_reference.json.

Cases, each fitted by GaussianNB(var_smoothing) on every row and scored on every row (predict_proba):
1. breast_cancer: the test resource breast_cancer.csv as it is (30 features, classes "0" and "1"); var_smoothing
   1e-9 (the default) and 1e-3.
2. weighted_three_class: 240 generated rows, 4 features, three classes "a", "b", "c", with sample weights (rows,
   float32 weights as Tribuo keeps them, and values stored); var_smoothing 1e-9.
Stored per fit: the class order (scikit-learn's classes_), theta_ (means), var_ (variances with the smoothing
added), class_prior_ and predict_proba of every row.
"""
import json
import os

import numpy as np
from sklearn.datasets import make_classification
from sklearn.naive_bayes import GaussianNB

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))


def breast_cancer():
    with open(os.path.join(ROOT, "breast_cancer.csv")) as f:
        header = f.readline().strip().split(",")
        rows = [list(map(float, line.strip().split(","))) for line in f if line.strip()]
    data = np.array(rows)
    t = header.index("target")
    y = data[:, t].astype(int).astype(str)
    return np.delete(data, t, axis=1), y, None


def weighted_three_class():
    X, y = make_classification(n_samples=240, n_features=4, n_informative=3, n_redundant=0, n_classes=3,
                               n_clusters_per_class=1, flip_y=0.05, random_state=3)
    w = np.random.RandomState(5).uniform(0.5, 2.0, size=len(y))
    # Tribuo holds example weights as floats: use the float32 values, so both sides weigh the rows alike
    return np.round(X, 6), np.array(["a", "b", "c"])[y], np.round(w, 4).astype(np.float32).astype(np.float64)


def fit(X, y, w, smoothing):
    model = GaussianNB(var_smoothing=smoothing).fit(X, y, sample_weight=w)
    return {
        "var_smoothing": smoothing,
        "classes": model.classes_.tolist(),
        "theta": model.theta_.tolist(),
        "var": model.var_.tolist(),
        "class_prior": model.class_prior_.tolist(),
        "proba": model.predict_proba(X).tolist(),
    }


def main():
    cases = []
    X, y, w = breast_cancer()
    cases.append({"name": "breast_cancer", "fits": [fit(X, y, w, s) for s in (1e-9, 1e-3)]})
    X, y, w = weighted_three_class()
    cases.append({"name": "weighted_three_class", "x": X.tolist(), "y": y.tolist(), "w": w.tolist(),
                  "fits": [fit(X, y, w, 1e-9)]})
    with open(os.path.join(HERE, "gaussian_nb_reference.json"), "w") as f:
        json.dump({"sklearn": __import__("sklearn").__version__, "cases": cases}, f)


if __name__ == "__main__":
    main()
