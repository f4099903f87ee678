"""Reference values of the default deviation measure (total variation distance in percentage points).

Numeric columns are cut at the reference's deciles (numpy's default linear quantiles, repeated deciles once),
bins (-inf, d1], (d1, d2], ..., (dk, +inf); categorical columns use one bin per value.
Run: python3 make_tvd_reference.py > tvd.json
"""
import json

import numpy as np


def tvd_numeric(ref, cur):
    edges = np.unique(np.quantile(ref, np.arange(1, 10) / 10))
    # value x belongs to bin i = number of edges strictly below x
    p = np.bincount(np.searchsorted(edges, ref, side="left"), minlength=len(edges) + 1) / len(ref)
    q = np.bincount(np.searchsorted(edges, cur, side="left"), minlength=len(edges) + 1) / len(cur)
    return edges, 50.0 * np.abs(p - q).sum()


def main():
    rng = np.random.default_rng(20240501)
    cases = []
    numeric = {
        "normal_shifted_by_0.3_sd": (rng.normal(0, 1, 500), rng.normal(0.3, 1, 400)),
        "poisson_counts_with_ties": (rng.poisson(1.6, 1000).astype(float), rng.poisson(2.0, 800).astype(float)),
        "current_beyond_reference_range": (rng.uniform(0, 1, 300), rng.uniform(0.5, 1.5, 300)),
        "same_values": (np.arange(100.0), np.arange(100.0)),
        "tiny_reference": (np.array([3.0, 1.0, 2.0]), np.array([0.5, 2.0, 2.0, 9.0])),
    }
    for name, (ref, cur) in numeric.items():
        edges, tvd = tvd_numeric(ref, cur)
        cases.append({"name": name, "column_type": "num", "reference": ref.tolist(), "current": cur.tolist(),
                      "edges": edges.tolist(), "tvd_pp": float(tvd)})
    ref = rng.choice(["a", "b", "c", "d"], 700, p=[0.4, 0.3, 0.2, 0.1]).tolist()
    cur = rng.choice(["a", "b", "c", "e"], 500, p=[0.25, 0.3, 0.2, 0.25]).tolist()
    levels = sorted(set(ref) | set(cur))
    p = np.array([ref.count(v) for v in levels]) / len(ref)
    q = np.array([cur.count(v) for v in levels]) / len(cur)
    cases.append({"name": "categories_with_a_new_level", "column_type": "cat", "reference": ref, "current": cur,
                  "edges": [], "tvd_pp": float(50.0 * np.abs(p - q).sum())})
    print(json.dumps({"numpy": np.__version__, "cases": cases}))


if __name__ == "__main__":
    main()
