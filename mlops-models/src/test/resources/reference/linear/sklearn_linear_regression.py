#!/usr/bin/env python3
"""Reference values for mlops4j's exact least squares (LinearRegressionTrainerTest), made with scikit-learn.

Run from this folder with /usr/bin/python3 (numpy, scikit-learn 1.2); writes linear_regression_reference.json.

The data is scikit-learn's diabetes set (load_diabetes: 442 rows, 10 features, stored in the JSON so that the Java
test needs no Python), plus example weights drawn in [0.2, 3] (float32 values, as Tribuo stores weights) and a
level in {0, 1, 2} per row. Cases:
1. diabetes: the 10 features, unweighted.
2. weighted: the 10 features with the example weights (scikit-learn's sample_weight).
3. rank_deficient: the 10 features, feature 2 again as an 11th column, and the level one-hot encoded with all three
   levels (columns 12-14, which sum to 1: collinear with the intercept). Unweighted.
For each case and alpha in {0, 1.0}: LinearRegression (alpha 0) or Ridge(alpha) coefficients, intercept and the
predictions of the first 20 rows.

Rank-deficient with alpha 0 is the exception: there scikit-learn 1.2.1's LinearRegression does not return the
minimum-norm solution. It calls scipy.linalg.lstsq with its default cutoff (machine precision relative to the largest
singular value), which keeps the rounding-level singular values of the exactly collinear columns and divides by them:
coefficients of about 3e15 that cancel (recorded as sklearn_coef_max_abs). The reference there is the minimum-norm
least-squares solution of the centred problem, numpy.linalg.lstsq(rcond=None) (cutoff eps * max(n, d) relative),
which the script checks against numpy.linalg.pinv. scikit-learn's cancelling coefficients lose precision: its
predictions differ from the least-squares fit's by up to 0.8 % on the first 20 rows (recorded as
sklearn_prediction_max_relative_difference).
"""
import json
import os

import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import LinearRegression, Ridge

HERE = os.path.dirname(os.path.abspath(__file__))
ALPHAS = [0.0, 1.0]
ROWS = 20


def design(case, X, levels):
    if case != "rank_deficient":
        return X
    return np.hstack([X, X[:, [2]], np.eye(3)[levels]])


def min_norm(X, y, w):
    sw = np.ones(len(y)) if w is None else w
    xm = np.average(X, axis=0, weights=sw)
    ym = np.average(y, weights=sw)
    s = np.sqrt(sw)
    Xc = (X - xm) * s[:, None]
    yc = (y - ym) * s
    coef, _, rank, _ = np.linalg.lstsq(Xc, yc, rcond=None)
    assert np.allclose(coef, np.linalg.pinv(Xc) @ yc, rtol=1e-10, atol=1e-10 * np.abs(coef).max())
    return coef, ym - xm @ coef, int(rank)


def main():
    X, y = load_diabetes(return_X_y=True)
    # as float32, Tribuo's example weight type, so that both sides weigh with the same numbers
    weights = np.round(np.random.RandomState(11).uniform(0.2, 3.0, size=len(y)), 4).astype(np.float32).astype(float)
    levels = np.random.RandomState(0).randint(0, 3, size=len(y))
    cases = []
    for name in ["diabetes", "weighted", "rank_deficient"]:
        Xc = design(name, X, levels)
        w = weights if name == "weighted" else None
        fits = []
        for alpha in ALPHAS:
            model = LinearRegression() if alpha == 0 else Ridge(alpha=alpha)
            model.fit(Xc, y, sample_weight=w)
            fit = {"alpha": alpha}
            if name == "rank_deficient" and alpha == 0:
                coef, intercept, rank = min_norm(Xc, y, w)
                predictions = Xc[:ROWS] @ coef + intercept
                sk = model.predict(Xc[:ROWS])
                fit["rank"] = rank
                fit["sklearn_coef_max_abs"] = float(np.abs(model.coef_).max())
                fit["sklearn_prediction_max_relative_difference"] = float(np.max(np.abs(sk - predictions)
                                                                                 / np.abs(predictions)))
                print("scikit-learn vs minimum-norm predictions, max relative difference",
                      fit["sklearn_prediction_max_relative_difference"])
            else:
                coef, intercept = model.coef_, model.intercept_
                predictions = model.predict(Xc[:ROWS])
                if alpha == 0:
                    ref, ref_b, _ = min_norm(Xc, y, w)  # full rank: the same unique solution
                    assert np.allclose(coef, ref, rtol=1e-9, atol=0) and np.isclose(intercept, ref_b, rtol=1e-12)
            fit["coef"] = [float(v) for v in coef]
            fit["intercept"] = float(intercept)
            fit["predictions"] = [float(v) for v in predictions]
            fits.append(fit)
        cases.append({"name": name, "features": int(Xc.shape[1]), "fits": fits})
    out = {
        "source": "sklearn_linear_regression.py, scikit-learn " + __import__("sklearn").__version__,
        "X": [[float(v) for v in row] for row in X],
        "y": [float(v) for v in y],
        "weights": [float(v) for v in weights],
        "levels": [int(v) for v in levels],
        "cases": cases,
    }
    with open(os.path.join(HERE, "linear_regression_reference.json"), "w") as f:
        json.dump(out, f)
        f.write("\n")


if __name__ == "__main__":
    main()
