#!/usr/bin/env python3
"""Reference scores for integer-valued numeric columns (issue 18 point 1), computed as Evidently computes them.

Evidently types a feature by its data type: numeric data is numerical ("num"), whatever its number of distinct values;
the number of distinct values (both samples together) and the reference size only choose the default test
(registry.py::_get_default_stattest: up to 1000 reference values, 1-2 values -> z, 3-5 -> chisquare, 6+ -> ks; above
1000, 1-5 -> jensenshannon, 6+ -> wasserstein). A test forced on such a column runs as on any numeric column.

Each case holds a reference and a current sample of whole numbers (as floats) and:
  - default_num: the default test for the column typed num, and expected_num: every numeric test's score and verdict
    (the forced tests: ks, mannw, es, ...);
  - default_cat: the default test when the user types the column cat, and expected_cat: every categorical test.
The distinct counts cover 1-5, 6-10 and 11+ values, with reference sizes on both sides of 1000 (400, 1000, 1001, 1200).
The case "mannw_pair_1_to_6" is a pair of columns of the values 1.0 ... 6.0 on which Evidently's Mann-Whitney test
gives p = 0.48143 (reconstructed: the counts of each value below give that p-value).

The test formulas are make_reference.py's (Evidently's code paths re-implemented with numpy and scipy), except one:
with at most four distinct values the Epps-Singleton covariance is singular and its zero singular values come out as
rounding noise (1e-17 to 1e-15 of the largest), which scipy's pinv (cut at 1e-15) sometimes counts as rank, dividing
by noise. "es" below is scipy's epps_singleton_2samp step for step with the exact-arithmetic rank (singular values
below 1e-10 of the largest are zero); scipy's own p-value is kept as "scipy_p" where it differs.

Run with Debian's Python (numpy 1.24, scipy 1.10):  /usr/bin/python3 make_integer_reference.py > integer_columns.json
"""
import json
import sys

import numpy as np
import scipy

from scipy import stats
from scipy.stats import iqr

from make_reference import CAT_TESTS, NUM_TESTS, default_stattest


def es_exact_rank(ref, cur, t=0.05):
    """scipy.stats.epps_singleton_2samp (t = 0.4, 0.8) with pinv(rcond=1e-10); Evidently: p < threshold."""
    x, y = np.asarray(ref), np.asarray(cur)
    nx, ny = len(x), len(y)
    n = nx + ny
    sigma = iqr(np.hstack((x, y))) / 2
    if sigma == 0:
        raise ValueError("The interquartile range of the pooled data is 0")
    ts = np.reshape([0.4, 0.8], (-1, 1)) / sigma
    gx = np.vstack((np.cos(ts * x), np.sin(ts * x))).T
    gy = np.vstack((np.cos(ts * y), np.sin(ts * y))).T
    est_cov = (n / nx) * np.cov(gx.T, bias=True) + (n / ny) * np.cov(gy.T, bias=True)
    est_cov_inv = np.linalg.pinv(est_cov, rcond=1e-10)
    r = np.linalg.matrix_rank(est_cov_inv)
    g_diff = np.mean(gx, axis=0) - np.mean(gy, axis=0)
    w = n * np.dot(g_diff.T, np.dot(est_cov_inv, g_diff))
    if max(nx, ny) < 25:
        w = w / (1.0 + n ** (-0.45) + 10.1 * (nx ** (-1.7) + ny ** (-1.7)))
    p = stats.chi2.sf(w, r)
    return p, p < t


INTEGER_NUM_TESTS = dict(NUM_TESTS, es=es_exact_rank)


def scores(tests, ref, cur):
    expected = {}
    for name, fn in tests.items():
        try:
            score, drifted = fn(ref, cur)
            expected[name] = {"score": float(score), "drifted": bool(drifted)}
        except ValueError as e:
            expected[name] = {"error": str(e)}
    return expected


def with_scipy_es(expected, ref, cur):
    if "score" in expected["es"]:
        scipy_p = float(NUM_TESTS["es"](ref, cur)[0])
        if abs(scipy_p - expected["es"]["score"]) > 1e-9:
            expected["es"]["scipy_p"] = scipy_p
    return expected


def case(name, ref, cur):
    ref = [float(v) for v in ref]
    cur = [float(v) for v in cur]
    return {
        "name": name,
        "distinct_values": len(set(ref) | set(cur)),
        "reference": ref,
        "current": cur,
        "default_num": default_stattest(ref, cur, "num"),
        "default_cat": default_stattest(ref, cur, "cat"),
        "expected_num": with_scipy_es(scores(INTEGER_NUM_TESTS, ref, cur), ref, cur),
        # categorical tests see the values as labels, as Evidently's value_counts does
        "expected_cat": scores(CAT_TESTS, [repr(v) for v in ref], [repr(v) for v in cur]),
    }


def integers(rng, distinct, size, tilt):
    """Whole numbers 1..distinct, each present, with probabilities tilted towards the large ones by `tilt`."""
    weights = np.linspace(1.0, 1.0 + tilt, distinct)
    values = rng.choice(np.arange(1, distinct + 1), size - distinct, p=weights / weights.sum())
    return np.concatenate([np.arange(1, distinct + 1), values])


def main():
    rng = np.random.default_rng(18)
    cases = []
    pair_ref = np.repeat(np.arange(1, 7), [4, 4, 1, 1, 5, 4])
    pair_cur = np.repeat(np.arange(1, 7), [1, 5, 3, 2, 5, 2])
    cases.append(case("mannw_pair_1_to_6", rng.permutation(pair_ref), rng.permutation(pair_cur)))
    for distinct in (2, 3, 5, 6, 8, 10, 11, 30):
        for ref_size, cur_size in ((400, 380), (1000, 900), (1001, 900), (1200, 1100)):
            if distinct in (3, 8, 30) and ref_size in (1000, 1001):
                continue  # the size boundary is covered by the other counts of each group
            ref = integers(rng, distinct, ref_size, 0.0)
            cur = integers(rng, distinct, cur_size, 0.3)
            cases.append(case(f"integers_{distinct}_values_{ref_size}_vs_{cur_size}", rng.permutation(ref),
                              rng.permutation(cur)))
    out = {
        "generator": f"make_integer_reference.py with numpy {np.__version__}, scipy {scipy.__version__}",
        "cases": cases,
    }
    json.dump(out, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
