#!/usr/bin/env python3
"""Reference scores for mlops4j's drift tests, computed as Evidently computes them.

Evidently itself is not a dependency of this script: each function below re-implements, with numpy and scipy, the
code path of Evidently's legacy stat tests (src/evidently/legacy/calculations/stattests/*.py) -- the same scipy
calls, the same binning (stattests/utils.py::get_binned_data with its zero filling), the same thresholds and drift
rules. pandas is replaced by plain numpy/Counter equivalents (value_counts, nunique).

Run:  python3 make_reference.py > stattests.json      (numpy 2.x, scipy 1.17 were used for the committed file)
"""
import json
import math
import sys
import warnings
from collections import Counter

import numpy as np
import scipy
from scipy import stats
from scipy.spatial import distance

warnings.filterwarnings("ignore")


# ---- Evidently's helpers ------------------------------------------------------------------------------------------

def unique_union(ref, cur):
    return list(set(ref) | set(cur))


def binned(ref, cur, column_type, feel_zeroes=True):
    """stattests/utils.py::get_binned_data"""
    if column_type == "num" and len(set(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        ref_p = np.histogram(ref, bins)[0] / len(ref)
        cur_p = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = unique_union(ref, cur)
        rc, cc = Counter(ref), Counter(cur)
        ref_p = np.array([rc.get(k, 0) / len(ref) for k in keys])
        cur_p = np.array([cc.get(k, 0) / len(cur) for k in keys])
    if feel_zeroes:
        for p in (ref_p, cur_p):
            m = min(p[p != 0])
            np.place(p, p == 0, m / 10**6 if m <= 0.0001 else 0.0001)
    return ref_p, cur_p


# ---- the tests: (score, drifted) ----------------------------------------------------------------------------------

def ks(ref, cur, t=0.05):
    p = stats.ks_2samp(ref, cur)[1]
    return p, p <= t


def chisquare(ref, cur, t=0.05):
    keys = unique_union(ref, cur)
    rc, cc = Counter(ref), Counter(cur)
    k_norm = len(cur) / len(ref)
    f_exp = [rc.get(k, 0) * k_norm for k in keys]
    f_obs = [cc.get(k, 0) for k in keys]
    p = stats.chisquare(f_obs, f_exp)[1]
    return p, p < t


def z(ref, cur, t=0.05):
    if len(set(ref)) == 1 and len(set(cur)) == 1 and ref[0] == cur[0]:
        p = 1
    else:
        keys = sorted(unique_union(ref, cur))
        a = np.array([0 if x == keys[0] else 1 for x in ref])
        b = np.array([0 if x == keys[0] else 1 for x in cur])
        n1, n2 = len(a), len(b)
        p1, p2 = float(sum(a)) / n1, float(sum(b)) / n2
        P = float(p1 * n1 + p2 * n2) / (n1 + n2)
        zs = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
        p = 2 * (1 - stats.norm.cdf(np.abs(zs)))
    return p, p < t


def wasserstein(ref, cur, t=0.1):
    norm = max(np.std(ref), 0.001)
    d = stats.wasserstein_distance(ref, cur) / norm
    return d, d >= t


def jensenshannon(ref, cur, column_type, t=0.1):
    r, c = binned(ref, cur, column_type, feel_zeroes=False)
    d = distance.jensenshannon(r, c)
    return d, d >= t


def kl_div(ref, cur, column_type, t=0.1):
    r, c = binned(ref, cur, column_type)
    d = stats.entropy(r, c)
    return d, d >= t


def psi(ref, cur, column_type, t=0.1):
    r, c = binned(ref, cur, column_type)
    d = float(np.sum((r - c) * np.log(r / c)))
    return d, d >= t


def anderson(ref, cur, t=0.1):
    p = stats.anderson_ksamp([ref, cur])[2]
    return p, p < t


def _cdf_cvm_inf(x):
    x = np.asarray(x)

    def term(x, k):
        u = np.exp(scipy.special.gammaln(k + 0.5) - scipy.special.gammaln(k + 1)) / (np.pi**1.5 * np.sqrt(x))
        y = 4 * k + 1
        q = y**2 / (16 * x)
        b = scipy.special.kv(0.25, q)
        return u * np.sqrt(y) * np.exp(-q) * b

    tot = np.zeros_like(x, dtype="float")
    cond = np.ones_like(x, dtype="bool")
    k = 0
    while np.any(cond):
        zz = term(x[cond], k)
        tot[cond] = tot[cond] + zz
        cond[cond] = np.abs(zz) >= 1e-7
        k += 1
    return tot


def _pval_cvm_2samp_exact(s, m, n):
    lcm = np.lcm(m, n)
    a = lcm // m
    b = lcm // n
    mn = m * n
    zeta = lcm**2 * (m + n) * (6 * s - mn * (4 * mn - 1)) // (6 * mn**2)
    zeta_bound = lcm**2 * (m + n)
    combinations = math.factorial(m + n) / (math.factorial(m) * math.factorial(n))
    max_gs = max(zeta_bound, combinations)
    dtype = np.min_scalar_type(max_gs)
    gs = [np.array([[0], [1]], dtype=dtype)] + [np.empty((2, 0), dtype=dtype) for _ in range(m)]
    for u in range(n + 1):
        next_gs = []
        tmp = np.empty((2, 0), dtype=dtype)
        for v, g in enumerate(gs):
            vi, i0, i1 = np.intersect1d(tmp[0], g[0], return_indices=True)
            tmp = np.concatenate([np.stack([vi, tmp[1, i0] + g[1, i1]]), np.delete(tmp, i0, 1), np.delete(g, i1, 1)], 1)
            # Evidently adds the int64 directly, which numpy 2 refuses for small dtypes; scipy casts first (same sum)
            tmp[0] += ((a * v - b * u) ** 2).astype(dtype)
            next_gs.append(tmp)
        gs = next_gs
    value, freq = gs[m]
    return np.float64(np.sum(freq[value >= zeta]) / combinations)


def cramer_von_mises(ref, cur, t=0.1):
    """cramer_von_mises_stattest.py::_cvm_2samp (Evidently's copy of scipy's test)"""
    xa, ya = np.sort(ref), np.sort(cur)
    nx, ny = len(xa), len(ya)
    method = "asymptotic" if max(nx, ny) > 20 else "exact"
    r = stats.rankdata(np.concatenate([xa, ya]), method="average")
    rx, ry = r[:nx], r[nx:]
    u = nx * np.sum((rx - np.arange(1, nx + 1)) ** 2)
    u += ny * np.sum((ry - np.arange(1, ny + 1)) ** 2)
    k, N = nx * ny, nx + ny
    tt = u / (k * N) - (4 * k - 1) / (6 * N)
    if method == "exact":
        p = _pval_cvm_2samp_exact(u, nx, ny)
    else:
        et = (1 + 1 / N) / 6
        vt = (N + 1.0) * (4 * k * N - 3 * (nx**2 + ny**2) - 2 * k)
        vt = vt / (45 * N**2 * 4 * k)
        tn = 1 / 6 + (tt - et) / np.sqrt(45 * vt)
        p = 1.0 if tn < 0.003 else max(0, 1.0 - _cdf_cvm_inf(tn))
    p = float(p)
    return p, p <= t


def ed(ref, cur, t=0.1):
    d = stats.energy_distance(ref, cur)
    return d, d > t


def es(ref, cur, t=0.05):
    p = stats.epps_singleton_2samp(ref, cur)[1]
    return p, p < t


def t_test(ref, cur, t=0.05):
    p = stats.ttest_ind(ref, cur)[1]
    return p, p < t


def mannw(ref, cur, t=0.05):
    p = stats.mannwhitneyu(x=ref, y=cur, alternative="less")[1]
    return p, p < t


def fisher_exact(ref, cur, t=0.1):
    cats = sorted(unique_union(ref, cur))
    one = cats[1] if len(cats) > 1 else "placeholder"
    table = [[sum(1 for x in cur if x == one), sum(1 for x in cur if x != one)],
             [sum(1 for x in ref if x == one), sum(1 for x in ref if x != one)]]
    p = stats.fisher_exact(table)[1]
    return p, p < t


def g_test(ref, cur, t=0.1):
    keys = unique_union(ref, cur)
    rc, cc = Counter(ref), Counter(cur)
    k_norm = len(cur) / len(ref)
    f_exp = [rc.get(k, 0) * k_norm for k in keys]
    f_obs = [cc.get(k, 0) for k in keys]
    p = stats.power_divergence(f_obs, f_exp, lambda_="log-likelihood")[1]
    return p, p < t


def hellinger(ref, cur, column_type, t=0.1):
    keys = unique_union(ref, cur)
    if column_type == "cat":
        rc, cc = Counter(ref), Counter(cur)
        h = 0.0
        for key in keys:
            h += math.sqrt(rc.get(key, 0) / len(ref) * (cc.get(key, 0) / len(cur)))
        h = math.sqrt(1 - np.clip(h, 0, 1))
    else:
        bins = np.histogram_bin_edges(keys, bins="sturges")
        h1 = np.histogram(np.asarray(ref), bins=bins, density=True)[0]
        h2 = np.histogram(np.asarray(cur), bins=bins, density=True)[0]
        bin_width = (max(bins) - min(bins)) / (len(bins) - 1)
        h = 0.0
        for i in range(len(h1)):
            h += math.sqrt(h1[i] * h2[i]) * bin_width
        h = math.sqrt(1 - np.clip(h, 0, 1))
    return h, h >= t


def _tvd(ref, cur):
    keys = unique_union(ref, cur)
    rc, cc = Counter(ref), Counter(cur)
    r = np.array([rc.get(k, 0) for k in keys])
    c = np.array([cc.get(k, 0) for k in keys])
    return 0.5 * np.sum(np.abs(r / sum(r) - c / sum(c)))


def tvd(ref, cur, t=0.1):
    """tvd_stattest.py with utils.py::permutation_test (np.random.seed(0), 1000 iterations)"""
    observed = _tvd(ref, cur)
    np.random.seed(0)
    hold = []
    for _ in range(1000):
        combined = list(ref) + list(cur)
        new_ref = np.random.choice(combined, len(ref), replace=False).tolist()
        new_cur = list((Counter(combined) - Counter(new_ref)).elements())
        hold.append(_tvd(new_ref, new_cur))
    p = sum(observed <= abs(np.array(hold))) / len(hold)
    return float(p), p < t


def mmd_statistic(ref, cur, permutations=2000, seed=1):
    """mmd_stattest.py: the statistic exactly; a p-value from many seeded permutations (Evidently's are unseeded)."""
    x = np.asarray(ref, dtype=float).reshape(-1, 1)
    y = np.asarray(cur, dtype=float).reshape(-1, 1)

    def dist(a, b):
        return (b**2).T - 2 * np.dot(a, b.T) + a**2

    dxx = dist(x, x)
    sigma = (0.5 * np.percentile(dxx.flatten(), 50, method="nearest")) ** 0.5
    if sigma == 0:
        sigma = 0.5 ** 0.5
    gamma = 1.0 / (2.0 * sigma**2)
    k = np.exp(-gamma * np.concatenate((np.concatenate((dxx, dist(x, y)), axis=1),
                                        np.concatenate((dist(x, y).T, dist(y, y)), axis=1)), axis=0))
    k = k - np.diag(np.diagonal(k))
    n, m = len(x), len(y)

    def mmd(km):
        kxx, kyy, kxy = km[:-m, :-m], km[-m:, -m:], km[-m:, :-m]
        return kxx.sum() / (n * (n - 1)) + kyy.sum() / (m * (m - 1)) - 2.0 * kxy.mean()

    observed = mmd(k)
    rng = np.random.default_rng(seed)
    perms = []
    for _ in range(permutations):
        idx = rng.permutation(n + m)
        perms.append(mmd(k[idx][:, idx]))
    return float(observed), float(np.mean(observed <= np.array(perms)))


NUM_TESTS = {
    "ks": ks, "wasserstein": wasserstein, "anderson": anderson, "cramer_von_mises": cramer_von_mises, "ed": ed,
    "es": es, "t_test": t_test, "mannw": mannw,
    "jensenshannon": lambda r, c: jensenshannon(r, c, "num"), "kl_div": lambda r, c: kl_div(r, c, "num"),
    "psi": lambda r, c: psi(r, c, "num"), "hellinger": lambda r, c: hellinger(r, c, "num"),
}
CAT_TESTS = {
    "chisquare": chisquare, "z": z, "g_test": g_test, "tvd": tvd,
    "jensenshannon": lambda r, c: jensenshannon(r, c, "cat"), "kl_div": lambda r, c: kl_div(r, c, "cat"),
    "psi": lambda r, c: psi(r, c, "cat"), "hellinger": lambda r, c: hellinger(r, c, "cat"),
}


def default_stattest(ref, cur, column_type):
    """registry.py::_get_default_stattest"""
    n_values = len(set(ref) | set(cur))
    if len(ref) <= 1000:
        if column_type == "num":
            return ("chisquare" if n_values > 2 else "z") if n_values <= 5 else "ks"
        return "chisquare" if n_values > 2 else "z"
    if column_type == "num":
        return "jensenshannon" if n_values <= 5 else "wasserstein"
    return "jensenshannon"


def main():
    rng = np.random.default_rng(20240501)
    cases = []

    def add(name, column_type, ref, cur, tests, extra=()):
        ref = [float(v) for v in ref] if column_type == "num" else [str(v) for v in ref]
        cur = [float(v) for v in cur] if column_type == "num" else [str(v) for v in cur]
        expected = {}
        for test_name, fn in tests.items():
            try:
                score, drifted = fn(ref, cur)
                expected[test_name] = {"score": float(score), "drifted": bool(drifted)}
            except ValueError as e:
                expected[test_name] = {"error": str(e)}
        case = {"name": name, "column_type": column_type, "reference": ref, "current": cur, "expected": expected}
        if "mmd" in extra:
            statistic, p = mmd_statistic(ref, cur)
            case["mmd"] = {"statistic": statistic, "p_value_2000_permutations": p}
        if "fisher" in extra:
            score, drifted = fisher_exact(ref, cur)
            expected["fisher_exact"] = {"score": float(score), "drifted": bool(drifted)}
        cases.append(case)

    add("normal_shift", "num", rng.normal(0, 1, 300), rng.normal(0.3, 1, 250), NUM_TESTS, ["mmd"])
    add("normal_same", "num", rng.normal(5, 2, 200), rng.normal(5, 2, 220), NUM_TESTS, ["mmd"])
    add("poisson_ties", "num", rng.poisson(3, 400), rng.poisson(3.6, 350), NUM_TESTS, ["mmd"])
    add("small_exact", "num", rng.normal(0, 1, 12), rng.normal(0.9, 1, 15), NUM_TESTS, ["mmd"])
    add("tiny_exact", "num", rng.normal(0, 1, 6), rng.normal(1.5, 1, 7), NUM_TESTS, ["mmd"])
    add("tiny_ties", "num", [1, 2, 2, 3, 5, 5, 8], [2, 3, 3, 4, 6, 9], NUM_TESTS)
    add("equal_sizes_exact", "num", rng.normal(0, 1, 40), rng.normal(0.5, 1.3, 40), NUM_TESTS, ["mmd"])
    add("wide_uniform", "num", rng.uniform(0, 100, 1500), rng.uniform(5, 105, 1300), NUM_TESTS)
    add("large_asymptotic", "num", rng.normal(0, 1, 10500), rng.normal(0.03, 1, 10200),
        {k: v for k, v in NUM_TESTS.items() if k not in ("anderson",)})
    add("integer_grid", "num", rng.integers(0, 64, 1024), rng.integers(0, 64, 1024), NUM_TESTS)
    add("categories_missing_levels", "cat", rng.choice(["a", "b", "c", "d"], 500, p=[0.4, 0.3, 0.2, 0.1]),
        rng.choice(["a", "b", "c", "e"], 450, p=[0.35, 0.35, 0.2, 0.1]), CAT_TESTS)
    add("categories_shift", "cat", rng.choice(["x", "y", "z"], 400, p=[0.5, 0.3, 0.2]),
        rng.choice(["x", "y", "z"], 380, p=[0.45, 0.3, 0.25]), CAT_TESTS)
    add("categories_same", "cat", rng.choice(["red", "green", "blue"], 300, p=[0.5, 0.3, 0.2]),
        rng.choice(["red", "green", "blue"], 300, p=[0.5, 0.3, 0.2]), CAT_TESTS)
    add("binary_equal_sizes", "cat", rng.choice(["no", "yes"], 200, p=[0.6, 0.4]),
        rng.choice(["no", "yes"], 200, p=[0.5, 0.5]), CAT_TESTS, ["fisher"])
    add("binary_small", "cat", ["0"] * 30 + ["1"] * 20, ["0"] * 20 + ["1"] * 30, CAT_TESTS, ["fisher"])

    for case in cases:
        case["default_stattest"] = default_stattest(case["reference"], case["current"], case["column_type"])

    np.random.seed(0)
    out = {
        "generator": f"make_reference.py with numpy {np.__version__}, scipy {scipy.__version__}",
        "numpy_legacy_permutation_seed0_n10": [int(v) for v in np.random.permutation(10)],
        "cases": cases,
    }
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
