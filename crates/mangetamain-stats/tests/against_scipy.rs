//! Differential tests: every function against the values scipy / statsmodels / numpy /
//! pymannkendall computed for the same inputs (fixtures written by `scripts/stats_fixtures.py`;
//! versions recorded in the fixture file). Agreement is required to 1e-9 relative, 1e-6 for the
//! Shapiro-Wilk p-value (an approximation in scipy too).

use mangetamain_stats::correlation::{
    kendall_tau_b, pearson, pearson_from_moments, spearman, weighted_pearson, weighted_spearman,
};
use mangetamain_stats::counts::{
    chi_square_goodness_of_fit, chi_square_independence, cramers_v, wilson_interval,
};
use mangetamain_stats::descriptive::*;
use mangetamain_stats::groups::{
    anova, anova_from_moments, kruskal_wallis, mann_whitney, t_test, Variances,
};
use mangetamain_stats::multiple::{adjust_p_values, Correction};
use mangetamain_stats::normality::{dagostino_pearson, qq_plot, shapiro_wilk};
use mangetamain_stats::regression::{linregress, wls};
use mangetamain_stats::trend::{mann_kendall, sen_slope};
use serde_json::Value;

/// The LCG of `scripts/stats_fixtures.py`, bit for bit.
fn lcg(spec: &Value) -> Vec<f64> {
    let n = spec["n"].as_u64().unwrap() as usize;
    let mut state = spec["seed"].as_u64().unwrap();
    let kind = spec["kind"].as_str().unwrap();
    let scale = spec["scale"].as_f64().unwrap();
    let offset = spec["offset"].as_f64().unwrap();
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 11) as f64 / 9007199254740992.0
    };
    (0..n)
        .map(|_| {
            let v = match kind {
                "uniform" => next(),
                "normal" => next() + next() + next() + next() - 2.0,
                "ties" => (next() * spec["k"].as_f64().unwrap()).floor(),
                other => panic!("unknown kind {other}"),
            };
            v * scale + offset
        })
        .collect()
}

fn values(v: &Value) -> Vec<f64> {
    if let Some(spec) = v.get("lcg") {
        return lcg(spec);
    }
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect()
}

struct Checker {
    failures: Vec<String>,
    checked: usize,
}

impl Checker {
    fn close(&mut self, label: &str, got: f64, expected: &Value, rtol: f64) {
        let Some(expected) = expected.as_f64() else {
            self.failures
                .push(format!("{label}: missing expected value"));
            return;
        };
        self.checked += 1;
        let ok = if expected.is_nan() {
            got.is_nan()
        } else if expected == 0.0 {
            got.abs() <= 1e-290
        } else {
            (got - expected).abs() <= rtol * expected.abs()
        };
        if !ok {
            self.failures.push(format!(
                "{label}: got {got:e}, expected {expected:e} (rel {:e})",
                ((got - expected) / expected).abs()
            ));
        }
    }

    fn close_all(&mut self, label: &str, got: &[f64], expected: &Value, rtol: f64) {
        let expected = expected.as_array().unwrap();
        assert_eq!(got.len(), expected.len(), "{label}: length");
        for (i, (g, e)) in got.iter().zip(expected).enumerate() {
            self.close(&format!("{label}[{i}]"), *g, e, rtol);
        }
    }
}

#[test]
fn every_function_agrees_with_scipy_and_statsmodels() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/reference.json")).expect("valid fixture");
    let mut c = Checker {
        failures: Vec::new(),
        checked: 0,
    };
    for (index, case) in fixture["cases"].as_array().unwrap().iter().enumerate() {
        let function = case["fn"].as_str().unwrap();
        let input = &case["inputs"];
        let e = &case["expected"];
        let tol = case["rtol"].as_f64().unwrap();
        let l = |name: &str| format!("case {index} {function}.{name}");
        match function {
            "descriptive" => {
                let x = values(&input["x"]);
                c.close(&l("mean"), mean(&x).unwrap(), &e["mean"], tol);
                c.close(&l("var0"), variance(&x, 0).unwrap(), &e["var0"], tol);
                c.close(&l("var1"), variance(&x, 1).unwrap(), &e["var1"], tol);
                c.close(&l("std1"), std_dev(&x, 1).unwrap(), &e["std1"], tol);
                c.close(&l("median"), median(&x).unwrap(), &e["median"], tol);
                c.close(&l("iqr"), iqr(&x).unwrap(), &e["iqr"], tol);
                c.close(
                    &l("cv0"),
                    coefficient_of_variation(&x, 0).unwrap(),
                    &e["cv0"],
                    tol,
                );
                c.close(
                    &l("cv1"),
                    coefficient_of_variation(&x, 1).unwrap(),
                    &e["cv1"],
                    tol,
                );
                for (name, method) in [
                    ("linear", QuantileMethod::Linear),
                    ("nearest", QuantileMethod::Nearest),
                    ("lower", QuantileMethod::Lower),
                    ("higher", QuantileMethod::Higher),
                    ("midpoint", QuantileMethod::Midpoint),
                ] {
                    for q in [0.0, 0.1, 0.25, 0.5, 0.9, 0.975, 1.0] {
                        let key = format!("q_{name}_{q:?}");
                        c.close(
                            &l(&key),
                            quantile(&x, q, method).unwrap(),
                            &e[key.as_str()],
                            tol,
                        );
                    }
                }
            }
            "weighted" => {
                let (x, w) = (values(&input["x"]), values(&input["w"]));
                c.close(&l("mean"), weighted_mean(&x, &w).unwrap(), &e["mean"], tol);
                c.close(
                    &l("var0"),
                    weighted_variance(&x, &w, 0).unwrap(),
                    &e["var0"],
                    tol,
                );
                c.close(
                    &l("var1"),
                    weighted_variance(&x, &w, 1).unwrap(),
                    &e["var1"],
                    tol,
                );
                c.close(&l("kish"), kish_effective_n(&w).unwrap(), &e["kish"], tol);
            }
            "linregress" => {
                let r = linregress(&values(&input["x"]), &values(&input["y"])).unwrap();
                c.close(&l("slope"), r.slope, &e["slope"], tol);
                c.close(&l("intercept"), r.intercept, &e["intercept"], tol);
                c.close(&l("r"), r.r, &e["r"], tol);
                c.close(&l("p"), r.p_value, &e["p"], tol);
                c.close(&l("slope_stderr"), r.slope_stderr, &e["slope_stderr"], tol);
                c.close(
                    &l("intercept_stderr"),
                    r.intercept_stderr,
                    &e["intercept_stderr"],
                    tol,
                );
            }
            "wls" => {
                let r = wls(
                    &values(&input["x"]),
                    &values(&input["y"]),
                    &values(&input["w"]),
                    0.95,
                )
                .unwrap();
                c.close(&l("intercept"), r.intercept, &e["intercept"], tol);
                c.close(&l("slope"), r.slope, &e["slope"], tol);
                c.close(
                    &l("intercept_stderr"),
                    r.intercept_stderr,
                    &e["intercept_stderr"],
                    tol,
                );
                c.close(&l("slope_stderr"), r.slope_stderr, &e["slope_stderr"], tol);
                c.close(&l("slope_t"), r.slope_t, &e["slope_t"], tol);
                c.close(&l("intercept_p"), r.intercept_p, &e["intercept_p"], tol);
                c.close(&l("slope_p"), r.slope_p, &e["slope_p"], tol);
                c.close(&l("r_squared"), r.r_squared, &e["r_squared"], tol);
                c.close(&l("scale"), r.scale, &e["scale"], tol);
                c.close(&l("slope_ci_low"), r.slope_ci.0, &e["slope_ci_low"], tol);
                c.close(&l("slope_ci_high"), r.slope_ci.1, &e["slope_ci_high"], tol);
                let xs = values(&e["line_x"]);
                let lines: Vec<(f64, f64, f64)> = xs.iter().map(|x| r.line_at(*x)).collect();
                c.close_all(
                    &l("line_mean"),
                    &lines.iter().map(|v| v.0).collect::<Vec<_>>(),
                    &e["line_mean"],
                    tol,
                );
                c.close_all(
                    &l("line_low"),
                    &lines.iter().map(|v| v.1).collect::<Vec<_>>(),
                    &e["line_low"],
                    tol,
                );
                c.close_all(
                    &l("line_high"),
                    &lines.iter().map(|v| v.2).collect::<Vec<_>>(),
                    &e["line_high"],
                    tol,
                );
            }
            "correlation" => {
                let (x, y) = (values(&input["x"]), values(&input["y"]));
                let p = pearson(&x, &y).unwrap();
                c.close(&l("pearson_r"), p.coefficient, &e["pearson_r"], tol);
                c.close(&l("pearson_p"), p.p_value, &e["pearson_p"], tol);
                if let Some((low, high)) = p.ci95 {
                    c.close(&l("pearson_ci_low"), low, &e["pearson_ci_low"], tol);
                    c.close(&l("pearson_ci_high"), high, &e["pearson_ci_high"], tol);
                }
                // The same from the centred sums.
                let n = x.len() as f64;
                let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
                let sxx: f64 = x.iter().map(|v| (v - mx) * (v - mx)).sum();
                let syy: f64 = y.iter().map(|v| (v - my) * (v - my)).sum();
                let sxy: f64 = x.iter().zip(&y).map(|(a, b)| (a - mx) * (b - my)).sum();
                let m = pearson_from_moments(x.len(), sxx, syy, sxy).unwrap();
                c.close(
                    &l("pearson_r from moments"),
                    m.coefficient,
                    &e["pearson_r"],
                    tol,
                );
                c.close(
                    &l("pearson_p from moments"),
                    m.p_value,
                    &e["pearson_p"],
                    tol,
                );
                if let Some((low, high)) = m.ci95 {
                    c.close(
                        &l("pearson_ci_low from moments"),
                        low,
                        &e["pearson_ci_low"],
                        tol,
                    );
                    c.close(
                        &l("pearson_ci_high from moments"),
                        high,
                        &e["pearson_ci_high"],
                        tol,
                    );
                }
                let s = spearman(&x, &y).unwrap();
                c.close(&l("spearman_rho"), s.coefficient, &e["spearman_rho"], tol);
                c.close(&l("spearman_p"), s.p_value, &e["spearman_p"], tol);
                let k = kendall_tau_b(&x, &y).unwrap();
                c.close(&l("kendall_tau"), k.coefficient, &e["kendall_tau"], tol);
                c.close(&l("kendall_p"), k.p_value, &e["kendall_p"], tol);
            }
            "weighted_correlation" => {
                let (x, y, w) = (
                    values(&input["x"]),
                    values(&input["y"]),
                    values(&input["w"]),
                );
                c.close(
                    &l("pearson"),
                    weighted_pearson(&x, &y, &w).unwrap(),
                    &e["pearson"],
                    tol,
                );
                c.close(
                    &l("spearman"),
                    weighted_spearman(&x, &y, &w).unwrap(),
                    &e["spearman"],
                    tol,
                );
            }
            "trend" => {
                let (t, y) = (values(&input["t"]), values(&input["y"]));
                let m = mann_kendall(&y).unwrap();
                c.close(&l("s"), m.s, &e["s"], tol);
                c.close(&l("var_s"), m.var_s, &e["var_s"], tol);
                c.close(&l("z"), m.z, &e["z"], tol);
                c.close(&l("p"), m.p_value, &e["p"], tol);
                c.close(&l("tau"), m.tau, &e["tau"], tol);
                let s = sen_slope(&t, &y).unwrap();
                c.close(&l("sen_slope"), s.slope, &e["sen_slope"], tol);
                c.close(&l("sen_intercept"), s.intercept, &e["sen_intercept"], tol);
                c.close(&l("sen_low"), s.ci_low, &e["sen_low"], tol);
                c.close(&l("sen_high"), s.ci_high, &e["sen_high"], tol);
            }
            "two_groups" => {
                let (a, b) = (values(&input["a"]), values(&input["b"]));
                for (label, v) in [("student", Variances::Equal), ("welch", Variances::Unequal)] {
                    let r = t_test(&a, &b, v).unwrap();
                    c.close(
                        &l(&format!("{label}_t")),
                        r.t,
                        &e[format!("{label}_t").as_str()],
                        tol,
                    );
                    c.close(
                        &l(&format!("{label}_p")),
                        r.p_value,
                        &e[format!("{label}_p").as_str()],
                        tol,
                    );
                    c.close(
                        &l(&format!("{label}_df")),
                        r.df,
                        &e[format!("{label}_df").as_str()],
                        tol,
                    );
                    c.close(
                        &l(&format!("{label}_ci_low")),
                        r.ci95.0,
                        &e[format!("{label}_ci_low").as_str()],
                        tol,
                    );
                    c.close(
                        &l(&format!("{label}_ci_high")),
                        r.ci95.1,
                        &e[format!("{label}_ci_high").as_str()],
                        tol,
                    );
                    c.close(&l("cohens_d"), r.cohens_d, &e["cohens_d"], tol);
                    c.close(&l("hedges_g"), r.hedges_g, &e["hedges_g"], tol);
                }
                let m = mann_whitney(&a, &b).unwrap();
                c.close(&l("mw_u"), m.u, &e["mw_u"], tol);
                c.close(&l("mw_p"), m.p_value, &e["mw_p"], tol);
                c.close(
                    &l("rank_biserial"),
                    m.rank_biserial,
                    &e["rank_biserial"],
                    tol,
                );
                // b against a: scipy's U of b is n_a n_b - U of a; same p; opposite r.
                let r = m.reversed();
                let u_of_b = (a.len() * b.len()) as f64 - e["mw_u"].as_f64().unwrap();
                c.close(&l("mw_u reversed"), r.u, &serde_json::json!(u_of_b), tol);
                c.close(&l("mw_p reversed"), r.p_value, &e["mw_p"], tol);
                let r_of_b = -e["rank_biserial"].as_f64().unwrap();
                c.close(
                    &l("rank_biserial reversed"),
                    r.rank_biserial,
                    &serde_json::json!(r_of_b),
                    tol,
                );
                assert_eq!(r.n, (b.len(), a.len()));
            }
            "k_groups" => {
                let groups: Vec<Vec<f64>> = input["groups"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(values)
                    .collect();
                let refs: Vec<&[f64]> = groups.iter().map(|g| g.as_slice()).collect();
                let a = anova(&refs).unwrap();
                c.close(&l("f"), a.f, &e["f"], tol);
                c.close(&l("anova_p"), a.p_value, &e["anova_p"], tol);
                c.close(&l("eta2"), a.eta_squared, &e["eta2"], tol);
                c.close(&l("omega2"), a.omega_squared, &e["omega2"], tol);
                // The same test from each group's n, mean and variance (ddof 1).
                let moments: Vec<(usize, f64, f64)> = groups
                    .iter()
                    .map(|g| {
                        let n = g.len() as f64;
                        let mean = g.iter().sum::<f64>() / n;
                        let variance =
                            g.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (n - 1.0);
                        (g.len(), mean, variance)
                    })
                    .collect();
                let m = anova_from_moments(&moments).unwrap();
                c.close(&l("f from moments"), m.f, &e["f"], tol);
                c.close(&l("anova_p from moments"), m.p_value, &e["anova_p"], tol);
                c.close(&l("eta2 from moments"), m.eta_squared, &e["eta2"], tol);
                c.close(
                    &l("omega2 from moments"),
                    m.omega_squared,
                    &e["omega2"],
                    tol,
                );
                let k = kruskal_wallis(&refs).unwrap();
                c.close(&l("h"), k.h, &e["h"], tol);
                c.close(&l("kruskal_p"), k.p_value, &e["kruskal_p"], tol);
                c.close(&l("epsilon2"), k.epsilon_squared, &e["epsilon2"], tol);
            }
            "chisquare" => {
                let observed = values(&input["observed"]);
                let expected = (!input["expected"].is_null()).then(|| values(&input["expected"]));
                let r = chi_square_goodness_of_fit(&observed, expected.as_deref()).unwrap();
                c.close(&l("statistic"), r.statistic, &e["statistic"], tol);
                c.close(&l("p"), r.p_value, &e["p"], tol);
            }
            "contingency" => {
                let table = values(&input["table"]);
                let rows = input["rows"].as_u64().unwrap() as usize;
                let r = chi_square_independence(&table, rows).unwrap();
                c.close(&l("statistic"), r.statistic, &e["statistic"], tol);
                c.close(&l("p"), r.p_value, &e["p"], tol);
                c.close(&l("df"), r.df, &e["df"], tol);
                c.close_all(&l("expected"), &r.expected, &e["expected"], tol);
                c.close(
                    &l("cramers_v"),
                    cramers_v(&table, rows).unwrap(),
                    &e["cramers_v"],
                    tol,
                );
            }
            "wilson" => {
                let (k, n) = (input["k"].as_u64().unwrap(), input["n"].as_u64().unwrap());
                let (low, high) = wilson_interval(k, n, 0.95).unwrap();
                c.close(&l("low"), low, &e["low"], tol);
                c.close(&l("high"), high, &e["high"], tol);
            }
            "normality" => {
                let x = values(&input["x"]);
                let sw = shapiro_wilk(&x).unwrap();
                c.close(&l("w"), sw.w, &e["w"], tol);
                c.close(&l("p"), sw.p_value, &e["p"], 1e-6);
                if x.len() >= 8 {
                    let d = dagostino_pearson(&x).unwrap();
                    c.close(&l("k2"), d.k2, &e["k2"], tol);
                    c.close(&l("k2_p"), d.p_value, &e["k2_p"], tol);
                    c.close(&l("z_skew"), d.z_skewness, &e["z_skew"], tol);
                    c.close(&l("z_kurt"), d.z_kurtosis, &e["z_kurt"], tol);
                }
                let q = qq_plot(&x).unwrap();
                c.close_all(&l("qq_osm"), &q.theoretical, &e["qq_osm"], tol);
                c.close(&l("qq_slope"), q.slope, &e["qq_slope"], tol);
                c.close(&l("qq_intercept"), q.intercept, &e["qq_intercept"], tol);
                c.close(&l("qq_r"), q.r, &e["qq_r"], tol);
            }
            "multiple" => {
                let p = values(&input["p"]);
                c.close_all(
                    &l("fdr_bh"),
                    &adjust_p_values(&p, Correction::BenjaminiHochberg),
                    &e["fdr_bh"],
                    tol,
                );
                c.close_all(
                    &l("bonferroni"),
                    &adjust_p_values(&p, Correction::Bonferroni),
                    &e["bonferroni"],
                    tol,
                );
                c.close_all(
                    &l("holm"),
                    &adjust_p_values(&p, Correction::Holm),
                    &e["holm"],
                    tol,
                );
            }
            other => panic!("fixture has an unknown function {other}"),
        }
    }
    println!("{} values checked against the reference", c.checked);
    assert!(c.checked > 500, "only {} values checked", c.checked);
    assert!(
        c.failures.is_empty(),
        "{} of {} values differ:\n{}",
        c.failures.len(),
        c.checked,
        c.failures.join("\n")
    );
}
