#!/usr/bin/env python3
"""Reference values for mlops4j's L-BFGS logistic regression (LogisticRegressionTrainerTest), made with scikit-learn.

Run from this folder with /usr/bin/python3 (numpy, scikit-learn 1.2); writes logistic_reference.json.

Each case is fitted by LogisticRegression(C, solver="newton-cg", tol=1e-10), i.e. solved to the optimum of
C * sum_i w_i * loss_i + 0.5 * ||coef||^2 (intercept not penalised), the same objective as lbfgs's. Not lbfgs: in
scikit-learn 1.2 it also stops when the objective's relative decrease falls below scipy's ftol (2.2e-9), which on
these cases leaves gradients up to 2e-3 whatever tol is. The script checks the gradient at the fitted values (max-norm
below 1e-6 of the scaled objective sum_i w_i * loss_i + 0.5 / C * ||coef||^2 that scikit-learn minimises). Cases:
1. breast_cancer: the test resource breast_cancer.csv, standard-scaled (mean, population standard deviation, as
   StandardScaler); the Java test scales it the same way, so only the fitted values are stored.
2. weighted_binary: 200 generated rows, 5 features, example weights drawn in [0.2, 3] (rows stored).
3. three_class: 240 generated rows, 4 features, three classes, with example weights (rows stored), multinomial.
For each case and C in {1.0, 0.01}: coefficients (one row for binary, scikit-learn's classes_[1] being the positive
class; one row per class otherwise), intercepts and predicted probabilities of the first 20 rows.
"""
import json
import os
import warnings

import numpy as np
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
CS = [1.0, 0.01]


def breast_cancer():
    with open(os.path.join(ROOT, "breast_cancer.csv")) as f:
        header = f.readline().strip().split(",")
        rows = [list(map(float, line.strip().split(","))) for line in f if line.strip()]
    data = np.array(rows)
    t = header.index("target")
    y = data[:, t].astype(int).astype(str)
    X = np.delete(data, t, axis=1)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    return X, y, None


def weighted_binary():
    X, y = make_classification(n_samples=200, n_features=5, n_informative=3, n_redundant=1, flip_y=0.1,
                               random_state=7)
    w = np.random.RandomState(11).uniform(0.2, 3.0, size=len(y))
    return np.round(X, 6), np.where(y == 1, "yes", "no"), np.round(w, 4)


def three_class():
    X, y = make_classification(n_samples=240, n_features=4, n_informative=3, n_redundant=0, n_classes=3,
                               n_clusters_per_class=1, flip_y=0.05, random_state=3)
    w = np.random.RandomState(5).uniform(0.5, 2.0, size=len(y))
    return np.round(X, 6), np.array(["a", "b", "c"])[y], np.round(w, 4)


def fit(X, y, w, C):
    model = LogisticRegression(C=C, solver="newton-cg", tol=1e-10, max_iter=10000)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # newton-cg says so when its line search cannot improve any further
        return model.fit(X, y, sample_weight=w)


def max_gradient(model, X, y, w, C):
    """The max-norm of the gradient of sum_i w_i * loss_i + 0.5 / C * ||coef||^2 at the fitted values."""
    w = np.ones(len(y)) if w is None else w
    p = model.predict_proba(X)
    onehot = (y[:, None] == model.classes_[None, :]).astype(float)
    if len(model.classes_) == 2:
        residual = (p[:, 1] - onehot[:, 1]) * w
        grad_coef = X.T @ residual + model.coef_[0] / C
        grad_intercept = residual.sum()
    else:
        residual = (p - onehot) * w[:, None]
        grad_coef = residual.T @ X + model.coef_ / C
        grad_intercept = residual.sum(axis=0)
    return float(max(np.max(np.abs(grad_coef)), np.max(np.abs(grad_intercept))))


def case(name, X, y, w, store_rows):
    out = {"name": name, "classes": sorted(set(y.tolist())), "fits": []}
    if store_rows:
        out["x"] = X.tolist()
        out["y"] = y.tolist()
        out["weights"] = w.tolist()
    for C in CS:
        model = fit(X, y, w, C)
        p = model.predict_proba(X)
        gradient = max_gradient(model, X, y, w, C)
        assert gradient < 1e-6, (name, C, gradient)
        out["fits"].append({"C": C, "classes": model.classes_.tolist(), "coef": model.coef_.tolist(),
                            "intercept": model.intercept_.tolist(), "probabilities": p[:20].tolist(),
                            "iterations": int(model.n_iter_[0]), "max_gradient": gradient})
    return out


def main():
    cases = [case("breast_cancer", *breast_cancer(), store_rows=False),
             case("weighted_binary", *weighted_binary(), store_rows=True),
             case("three_class", *three_class(), store_rows=True)]
    with open(os.path.join(HERE, "logistic_reference.json"), "w") as f:
        json.dump({"cases": cases}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
