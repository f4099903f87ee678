"""Makes the reference data and numbers for the profile tests (numpy, pandas-free scipy formulas).

Run from this folder: python3 make_reference.py. Writes profile-reference.json and drift-reference.json.
Numbers follow pandas (sample std, adjusted skew, unbiased excess kurtosis), numpy percentiles (linear), scipy
ks_2samp statistic with the asymptotic p-value kstwo.sf(D, round(nm/(n+m))), scipy wasserstein_distance normed by
np.std(reference) (Evidently's wasserstein), and Evidently's PSI / Jensen-Shannon binning (get_binned_data).
"""
import json
import math

import numpy as np
from scipy import stats
from scipy.spatial import distance

rng = np.random.default_rng(20240501)


def enc(v):
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return "NaN"
    if isinstance(v, float) and math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    return v


def pandas_skew(x):
    n = len(x)
    m = x.mean()
    m2 = ((x - m) ** 2).sum()
    m3 = ((x - m) ** 3).sum()
    g1 = (m3 / n) / (m2 / n) ** 1.5
    return g1 * math.sqrt(n * (n - 1)) / (n - 2)


def pandas_kurt(x):
    n = len(x)
    m = x.mean()
    m2 = ((x - m) ** 2).sum()
    m4 = ((x - m) ** 4).sum()
    g2 = n * m4 / m2 ** 2 - 3
    return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))


# ---- a mixed table for profile statistics -------------------------------------------------------------------------
n = 500
x = rng.normal(10.0, 3.0, n)
y = 2.0 * x + rng.normal(0, 2.0, n)
x_cells = [float(v) for v in x]
for i in range(0, n, 37):
    x_cells[i] = None            # missing
for i in range(5, n, 101):
    x_cells[i] = float("nan")    # NaN, not missing
x_cells[7] = float("inf")
x_cells[8] = float("-inf")
for i in range(11, n, 53):
    x_cells[i] = 0.0
y_cells = [float(v) for v in y]
for i in range(3, n, 41):
    y_cells[i] = None
small = [float(v) for v in rng.integers(0, 6, n)]
cities = rng.choice(["Mumbai", "Pune", "Delhi", "Chennai", "Kolkata"], n, p=[0.4, 0.25, 0.15, 0.12, 0.08])
city_cells = [str(c) for c in cities]
for i in range(2, n, 29):
    city_cells[i] = None
# a few exact duplicate rows
for i in range(490, 500):
    x_cells[i] = x_cells[i - 10]
    y_cells[i] = y_cells[i - 10]
    small[i] = small[i - 10]
    city_cells[i] = city_cells[i - 10]

xf = np.array([v for v in x_cells if v is not None and math.isfinite(v)])
pairs = [(a, b) for a, b in zip(x_cells, y_cells)
         if a is not None and b is not None and math.isfinite(a) and math.isfinite(b)]
pa = np.array([p[0] for p in pairs])
pb = np.array([p[1] for p in pairs])
rows = list(zip(x_cells, y_cells, small, city_cells))
keyed = [tuple("NaN" if (isinstance(v, float) and math.isnan(v)) else v for v in r) for r in rows]
duplicates = len(keyed) - len(set(keyed))
values, counts = np.unique(np.array([c for c in city_cells if c is not None]), return_counts=True)
smallf = np.array(small)

profile = {
    "columns": {"x": [enc(v) for v in x_cells], "y": [enc(v) for v in y_cells], "small": small,
                "city": city_cells},
    "expected": {
        "x": {"finite": int(len(xf)), "nulls": sum(v is None for v in x_cells),
              "nan": sum(v is not None and math.isnan(v) for v in x_cells), "infinite": 2,
              "zeros": int((xf == 0).sum()), "negatives": int((xf < 0).sum()) + 1,
              "min": float(xf.min()), "max": float(xf.max()), "mean": float(xf.mean()), "sum": float(xf.sum()),
              "std": float(xf.std(ddof=1)), "skew": float(pandas_skew(xf)), "kurt": float(pandas_kurt(xf)),
              "quantiles": {str(q): float(np.percentile(xf, q * 100)) for q in [0.05, 0.25, 0.5, 0.75, 0.95]},
              "distinct": int(len(set(v for v in x_cells if v is not None and not math.isnan(v))))},
        "small": {"quantiles": {str(q): float(np.percentile(smallf, q * 100)) for q in [0.1, 0.25, 0.5, 0.9]},
                  "distinct": int(len(set(small))), "skew": float(pandas_skew(smallf)),
                  "kurt": float(pandas_kurt(smallf))},
        "pearson_x_y": float(np.corrcoef(pa, pb)[0, 1]), "pairs_x_y": len(pairs),
        "duplicate_rows": int(duplicates),
        "city_counts": {str(v): int(c) for v, c in zip(values, counts)},
    },
}
with open("profile-reference.json", "w") as f:
    json.dump(profile, f, indent=1)


# ---- two samples for drift scores ---------------------------------------------------------------------------------
def evidently_binned(ref, cur, feel_zeroes):
    if ref.dtype.kind == "f" and len(np.unique(ref)) > 20:
        bins = np.histogram_bin_edges(np.concatenate([ref, cur]), bins="sturges")
        r = np.histogram(ref, bins)[0] / len(ref)
        c = np.histogram(cur, bins)[0] / len(cur)
    else:
        keys = sorted(set(ref) | set(cur))
        r = np.array([np.sum(ref == k) for k in keys]) / len(ref)
        c = np.array([np.sum(cur == k) for k in keys]) / len(cur)
    if feel_zeroes:
        for p in (r, c):
            nz = p[p != 0]
            fill = nz.min() / 1e6 if nz.min() <= 0.0001 else 0.0001
            np.place(p, p == 0, fill)
    return r, c


def scores(ref, cur):
    out = {}
    if ref.dtype.kind == "f":
        d = stats.ks_2samp(ref, cur).statistic
        en = len(ref) * len(cur) / (len(ref) + len(cur))
        out["ks_d"] = float(d)
        out["ks_p_asymp"] = float(stats.kstwo.sf(d, round(en)))
        out["wasserstein"] = float(stats.wasserstein_distance(ref, cur) / max(np.std(ref), 0.001))
    r, c = evidently_binned(ref, cur, True)
    out["psi"] = float(np.sum((r - c) * np.log(r / c)))
    r, c = evidently_binned(ref, cur, False)
    out["jensenshannon"] = float(distance.jensenshannon(r, c))
    return out


ref_num = rng.normal(0.0, 1.0, 800)
cur_num = rng.normal(0.3, 1.2, 900)
ref_int = rng.integers(0, 8, 800).astype(float)
cur_int = np.minimum(rng.integers(0, 9, 900), 8).astype(float)
ref_cat = rng.choice(["a", "b", "c", "d"], 800, p=[0.4, 0.3, 0.2, 0.1])
cur_cat = rng.choice(["a", "b", "c", "e"], 900, p=[0.3, 0.3, 0.3, 0.1])
drift = {
    "numeric": {"reference": ref_num.tolist(), "current": cur_num.tolist(), "expected": scores(ref_num, cur_num)},
    "integers": {"reference": ref_int.tolist(), "current": cur_int.tolist(), "expected": scores(ref_int, cur_int)},
    "categorical": {"reference": ref_cat.tolist(), "current": cur_cat.tolist(),
                    "expected": scores(ref_cat, cur_cat)},
}
with open("drift-reference.json", "w") as f:
    json.dump(drift, f)
print("wrote profile-reference.json and drift-reference.json")
