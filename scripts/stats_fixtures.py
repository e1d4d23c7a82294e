"""Writes crates/mangetamain-stats/tests/fixtures/reference.json: inputs and the values that
scipy / statsmodels / numpy / pymannkendall compute for them. The Rust differential tests
(crates/mangetamain-stats/tests/against_scipy.rs) assert agreement to 1e-9 relative (1e-6 where
the reference is itself an approximation).

Run by hand:  pip install scipy statsmodels numpy pymannkendall && python3 scripts/stats_fixtures.py

Large inputs are not stored: they are regenerated on both sides from a 64-bit LCG (exact integer
arithmetic, so Python and Rust see bit-identical values); see `lcg` below and in the Rust test.
"""
import json, math, pathlib, sys
import numpy as np, scipy, scipy.stats as st, statsmodels, statsmodels.api as sm
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.multitest import multipletests
import pymannkendall as mk

MASK = (1 << 64) - 1
def lcg(n, seed, kind="uniform", k=None, scale=1.0, offset=0.0):
    """Deterministic data: uniform in [0,1) from a 64-bit LCG, or sums of 4 uniforms - 2 ("normal"),
    or integers mod k ("ties"), then * scale + offset. Mirrored in the Rust test."""
    state = seed & MASK
    def nxt():
        nonlocal state
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        return (state >> 11) / 9007199254740992.0
    out = []
    for _ in range(n):
        if kind == "uniform":
            v = nxt()
        elif kind == "normal":
            v = nxt() + nxt() + nxt() + nxt() - 2.0
        elif kind == "ties":
            v = float(math.floor(nxt() * k))
        out.append(v * scale + offset)
    return out

def spec(n, seed, kind="uniform", k=None, scale=1.0, offset=0.0):
    return {"lcg": {"n": n, "seed": seed, "kind": kind, "k": k, "scale": scale, "offset": offset}}

def data(s):
    return lcg(**s["lcg"]) if isinstance(s, dict) else s

cases = []
def case(fn, inputs, expected, rtol=1e-9, note=None):
    cases.append({"fn": fn, "inputs": inputs, "expected": expected, "rtol": rtol, "note": note})

f = float
samples = {
    "n3": [2.5, -1.0, 4.0],
    "ties": [1, 2, 2, 3, 3, 3, 4, 5, 5, 9, 1, 2],
    "huge": [1e12 + 0.5, 1e12 + 3.25, 1e12 - 2.0, 1e12 + 7.5, 1e12 + 1.0, 1e12 - 0.75],
    "negative": [-5.5, -2.25, -9.0, -1.0, -3.5, -7.75, -4.0, -6.5],
    "normal50": spec(50, 7, "normal"),
    "large": spec(100_000, 11, "normal", scale=3.0, offset=10.0),
}
# Descriptive
for name, s in samples.items():
    x = np.array(data(s), dtype=float)
    exp = {"mean": f(np.mean(x)), "var0": f(np.var(x)), "var1": f(np.var(x, ddof=1)),
           "std1": f(np.std(x, ddof=1)), "median": f(np.median(x)), "iqr": f(st.iqr(x)),
           "cv0": f(st.variation(x)), "cv1": f(st.variation(x, ddof=1))}
    for method in ["linear", "nearest", "lower", "higher", "midpoint"]:
        for q in [0.0, 0.1, 0.25, 0.5, 0.9, 0.975, 1.0]:
            exp[f"q_{method}_{q}"] = f(np.quantile(x, q, method=method))
    case("descriptive", {"x": s}, exp)
# Weighted moments
for name, (x, w) in {"unequal": ([4.6, 4.7, 4.65, 4.72, 4.58, 4.69], [120, 3400, 560, 80, 15, 990]),
                     "large": (spec(100_000, 3, "uniform", scale=5.0), spec(100_000, 4, "uniform", scale=100.0, offset=1.0))}.items():
    xx, ww = np.array(data(x)), np.array(data(w), dtype=float)
    d = sm.stats.DescrStatsW(xx, weights=ww, ddof=0)
    case("weighted", {"x": x, "w": w}, {"mean": f(np.average(xx, weights=ww)), "var0": f(d.var),
         "var1": f(sm.stats.DescrStatsW(xx, weights=ww, ddof=1).var), "kish": f(ww.sum() ** 2 / (ww ** 2).sum())})
# linregress
years = [1999, 2000, 2001, 2002, 2003, 2004, 2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]
counts = [1121, 689, 3974, 17523, 15625, 14381, 20909, 23667, 29790, 26763, 19597, 10308, 6549, 4361, 3181, 853, 241, 172, 228, 134]
minutes = [44.1, 43.0, 42.8, 42.5, 42.9, 42.2, 41.9, 42.0, 41.5, 41.8, 42.6, 43.1, 43.5, 44.0, 44.2, 45.1, 46.0, 44.9, 43.2, 45.5]
for name, (x, y) in {"n2": ([1.0, 3.0], [2.0, 7.0]), "n3": ([1.0, 2.0, 4.0], [2.0, 2.5, 7.0]),
                     "years": (years, minutes), "large": (spec(100_000, 5, "uniform", scale=20.0), spec(100_000, 6, "normal"))}.items():
    r = st.linregress(data(x), data(y))
    case("linregress", {"x": x, "y": y}, {"slope": f(r.slope), "intercept": f(r.intercept), "r": f(r.rvalue), "p": f(r.pvalue),
         "slope_stderr": f(r.stderr), "intercept_stderr": f(r.intercept_stderr)})
# WLS (statsmodels)
for name, (x, y, w) in {"years": (years, minutes, counts),
                        "monthly": (list(range(0, 60, 1)), data(spec(60, 9, "normal", scale=0.05, offset=4.68)), data(spec(60, 10, "uniform", scale=3000, offset=100)))}.items():
    X = sm.add_constant(np.array(x, dtype=float)); res = sm.WLS(np.array(y), X, weights=np.array(w, dtype=float)).fit()
    ci = res.conf_int(0.05)
    x0 = np.array([[1.0, float(x[0])], [1.0, float(x[-1]) + 3.0]])
    pred = res.get_prediction(x0).summary_frame(alpha=0.05)
    case("wls", {"x": x, "y": y, "w": w}, {"intercept": f(res.params[0]), "slope": f(res.params[1]),
         "intercept_stderr": f(res.bse[0]), "slope_stderr": f(res.bse[1]), "slope_t": f(res.tvalues[1]),
         "intercept_p": f(res.pvalues[0]), "slope_p": f(res.pvalues[1]), "r_squared": f(res.rsquared), "scale": f(res.scale),
         "slope_ci_low": f(ci[1][0]), "slope_ci_high": f(ci[1][1]),
         "line_x": [f(v) for v in x0[:, 1]], "line_mean": [f(v) for v in pred["mean"]],
         "line_low": [f(v) for v in pred["mean_ci_lower"]], "line_high": [f(v) for v in pred["mean_ci_upper"]]})
# Correlations
pairs = {"n3": ([1.0, 2.0, 3.0], [2.0, 1.0, 3.5]), "ties": ([1, 2, 2, 3, 3, 3, 4, 5], [2, 2, 1, 4, 4, 5, 3, 6]),
         "n10": (data(spec(10, 21)), data(spec(10, 22))), "n40": (data(spec(40, 23)), data(spec(40, 24))),
         "years": (years, minutes), "negative_huge": ([-1e9, -2e9, 3e9, 5e8, -7e9, 2.5e9], [1e-3, 2e-3, -4e-3, 1.5e-3, -6e-3, 3e-3]),
         "large_ties": (spec(100_000, 25, "ties", k=7), spec(100_000, 26, "ties", k=5))}
for name, (x, y) in pairs.items():
    xx, yy = data(x), data(y)
    exp = {}
    if len(xx) >= 2:
        p = st.pearsonr(xx, yy); exp["pearson_r"] = f(p.statistic); exp["pearson_p"] = f(p.pvalue)
        if len(xx) > 3:
            ci = p.confidence_interval(0.95); exp["pearson_ci_low"] = f(ci.low); exp["pearson_ci_high"] = f(ci.high)
    s = st.spearmanr(xx, yy); exp["spearman_rho"] = f(s.statistic); exp["spearman_p"] = f(s.pvalue)
    k = st.kendalltau(xx, yy); exp["kendall_tau"] = f(k.statistic); exp["kendall_p"] = f(k.pvalue)
    case("correlation", {"x": x, "y": y}, exp)
# Weighted correlations (numpy, reference-app.md 1.10 definitions)
def wpearson(x, y, w):
    x, y, w = map(lambda a: np.asarray(a, float), (x, y, w)); mx, my = np.average(x, weights=w), np.average(y, weights=w)
    return f(np.sum(w*(x-mx)*(y-my)) / np.sqrt(np.sum(w*(x-mx)**2) * np.sum(w*(y-my)**2)))
for name, (x, y, w) in {"years": (years, minutes, counts), "ties": ([1, 2, 2, 3, 4], [5, 3, 3, 1, 2], [1, 10, 3, 7, 2])}.items():
    case("weighted_correlation", {"x": x, "y": y, "w": w}, {"pearson": wpearson(x, y, w),
         "spearman": wpearson(st.rankdata(x), st.rankdata(y), w)}, note="numpy formula of reference-app.md 1.10")
# Mann-Kendall (pymannkendall) and Sen slope on real time values (scipy theilslopes)
series = {"minutes": (years, minutes), "ties": (list(range(12)), [3, 3, 4, 4, 4, 5, 3, 6, 6, 7, 7, 7]),
          "gappy_years": ([1999, 2000, 2001, 2005, 2006, 2010, 2018], [4.2, 4.3, 4.25, 4.5, 4.4, 4.6, 4.9]),
          "decreasing": (list(range(30)), data(spec(30, 31, "normal", scale=0.5, offset=0.0)))}
series["decreasing"] = (series["decreasing"][0], [v - 0.1 * i for i, v in enumerate(series["decreasing"][1])])
for name, (t, y) in series.items():
    r = mk.original_test(y)
    ts = st.theilslopes(y, t, alpha=0.95)
    case("trend", {"t": t, "y": y}, {"s": f(r.s), "var_s": f(r.var_s), "z": f(r.z), "p": f(2 * st.norm.sf(abs(r.z))), "tau": f(r.Tau),
         "sen_slope": f(ts.slope), "sen_intercept": f(ts.intercept), "sen_low": f(ts.low_slope), "sen_high": f(ts.high_slope)},
         note="pymannkendall S, Var(S), Z, tau; p = 2 norm.sf(|Z|) (pymannkendall's 1-cdf loses digits below 1e-8)")
# Group comparisons
two = {"small": ([42.0, 38.5, 45.0, 40.0, 41.5, 39.0], [44.0, 47.5, 43.0, 46.0, 45.5]),
       "exact_unbalanced": ([1.5, 3.2, 0.7, 2.2], data(spec(30, 41, "normal"))),
       "ties": ([1, 2, 2, 3, 5, 5, 4, 3], [2, 3, 3, 4, 4, 5, 5, 5, 1]),
       "n2_n3": ([1.0, 2.0], [3.0, 5.0, 4.0]),
       "large_ties": (spec(100_000, 51, "ties", k=5, offset=1.0), spec(80_000, 52, "ties", k=5, offset=1.0)),
       "large_continuous": (spec(100_000, 53, "normal"), spec(100_000, 54, "normal", offset=0.01))}
for name, (a, b) in two.items():
    aa, bb = np.array(data(a), float), np.array(data(b), float)
    exp = {}
    for eq, label in [(True, "student"), (False, "welch")]:
        r = st.ttest_ind(aa, bb, equal_var=eq); ci = r.confidence_interval(0.95)
        exp[f"{label}_t"] = f(r.statistic); exp[f"{label}_p"] = f(r.pvalue); exp[f"{label}_df"] = f(r.df)
        exp[f"{label}_ci_low"] = f(ci.low); exp[f"{label}_ci_high"] = f(ci.high)
    n1, n2 = len(aa), len(bb)
    sp = math.sqrt(((n1 - 1) * aa.var(ddof=1) + (n2 - 1) * bb.var(ddof=1)) / (n1 + n2 - 2))
    d = (aa.mean() - bb.mean()) / sp
    exp["cohens_d"] = f(d); exp["hedges_g"] = f(d * (1 - 3 / (4 * (n1 + n2) - 9)))
    m = st.mannwhitneyu(aa, bb)
    exp["mw_u"] = f(m.statistic); exp["mw_p"] = f(m.pvalue); exp["rank_biserial"] = f((2 * m.statistic - n1 * n2) / (n1 * n2))
    case("two_groups", {"a": a, "b": b}, exp, note="Cohen's d / Hedges' g / rank-biserial from their numpy formulas")
multi = {"seasons": [[35.0, 40.0, 42.5, 38.0, 50.0], [30.0, 33.0, 31.5, 36.0], [45.0, 47.0, 44.0, 49.5, 46.0, 48.0], [40.0, 41.0, 39.5]],
         "ties": [[1, 2, 2, 3, 3], [2, 3, 3, 4, 5, 5], [1, 1, 2, 5, 5, 5, 4]],
         "large": [spec(60_000, 61, "ties", k=5, offset=1.0), spec(50_000, 62, "ties", k=5, offset=1.0), spec(70_000, 63, "ties", k=5, offset=1.0), spec(40_000, 64, "ties", k=5, offset=1.0)]}
for name, groups in multi.items():
    gs = [np.array(data(g), float) for g in groups]
    a = st.f_oneway(*gs); kw = st.kruskal(*gs)
    allv = np.concatenate(gs); grand = allv.mean()
    ssb = sum(len(g) * (g.mean() - grand) ** 2 for g in gs); sst = ((allv - grand) ** 2).sum()
    dfb, dfw = len(gs) - 1, len(allv) - len(gs); msw = (sst - ssb) / dfw
    case("k_groups", {"groups": groups}, {"f": f(a.statistic), "anova_p": f(a.pvalue), "eta2": f(ssb / sst),
         "omega2": f((ssb - dfb * msw) / (sst + msw)), "h": f(kw.statistic), "kruskal_p": f(kw.pvalue),
         "epsilon2": f(kw.statistic / (len(allv) - 1))}, note="eta2 / omega2 / epsilon2 from their numpy formulas")
# Counts
for name, (obs, exp_) in {"seasons": ([52000, 48500, 47000, 52566], None), "weekdays": ([30500, 31000, 29800, 29000, 26500, 15000, 14100], None),
                          "given": ([18, 22, 30, 30], [25.0, 25.0, 25.0, 25.0])}.items():
    r = st.chisquare(obs, exp_)
    case("chisquare", {"observed": obs, "expected": exp_}, {"statistic": f(r.statistic), "p": f(r.pvalue)})
for name, (table, rows) in {"2x2_small": ([3, 7, 9, 2], 2), "2x2_large": ([1200, 48800, 900, 49100], 2),
                            "2x2_zero_diff": ([10, 10, 10, 10], 2),
                            "2x4_small": ([2, 5, 1, 4, 9, 6, 8, 7], 2), "2x4": ([310, 290, 420, 280, 19690, 19710, 19580, 19720], 2),
                            "3x3": ([12, 5, 9, 7, 14, 3, 8, 6, 15], 3)}.items():
    t = np.array(table, float).reshape(rows, -1)
    r = st.chi2_contingency(t)
    v = st.contingency.association(t.astype(int), method="cramer")
    case("contingency", {"table": table, "rows": rows}, {"statistic": f(r.statistic), "p": f(r.pvalue), "df": f(r.dof),
         "expected": [f(e) for e in r.expected_freq.ravel()], "cramers_v": f(v)})
for name, (k, n) in {"typical": (760, 1000), "zero": (0, 25), "all": (25, 25), "small": (3, 7)}.items():
    lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
    case("wilson", {"k": k, "n": n}, {"low": f(lo), "high": f(hi)})
# Normality
for name, s in {"n3": [1.0, 2.0, 4.0], "n4": [3.1, 1.2, 5.5, 2.0], "n5": [1.0, 2.0, 2.5, 3.0, 9.0], "n7": data(spec(7, 71, "normal")),
                "n11": data(spec(11, 72, "normal")), "n12": data(spec(12, 73, "uniform")), "counts20": counts,
                "n500": spec(500, 74, "normal"), "n4000": spec(4000, 75, "uniform")}.items():
    x = data(s); sw = st.shapiro(x)
    exp = {"w": f(sw.statistic), "p": f(sw.pvalue)}
    if len(x) >= 8:
        nt = st.normaltest(x); sk = st.skewtest(x); ku = st.kurtosistest(x)
        exp.update({"k2": f(nt.statistic), "k2_p": f(nt.pvalue), "z_skew": f(sk.statistic), "z_kurt": f(ku.statistic)})
    (osm, osr), (slope, intercept, r) = st.probplot(x, dist="norm")
    exp.update({"qq_osm": [f(v) for v in osm], "qq_slope": f(slope), "qq_intercept": f(intercept), "qq_r": f(r)})
    case("normality", {"x": s}, exp, rtol=1e-9, note="Shapiro-Wilk p is Royston's approximation: checked to 1e-6")
# Multiple testing
for name, p in {"mixed": [0.01, 0.04, 0.03, 0.005, 0.2, 0.8, 0.049, 0.0001], "ties": [0.02, 0.02, 0.02, 0.5]}.items():
    exp = {m: [f(v) for v in multipletests(p, method=m)[1]] for m in ["fdr_bh", "bonferroni", "holm"]}
    case("multiple", {"p": p}, exp)

out = pathlib.Path(__file__).resolve().parent.parent / "crates/mangetamain-stats/tests/fixtures/reference.json"
out.write_text(json.dumps({"generator": "scripts/stats_fixtures.py", "python": sys.version.split()[0],
    "scipy": scipy.__version__, "statsmodels": statsmodels.__version__, "numpy": np.__version__,
    "pymannkendall": getattr(mk, "__version__", "unknown"), "cases": cases}, indent=0))
print(f"wrote {len(cases)} cases to {out}")
