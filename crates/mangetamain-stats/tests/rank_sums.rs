//! Kruskal-Wallis and Mann-Whitney from rank sums computed by the caller. Reference values:
//! `python3 -c "from scipy.stats import kruskal, mannwhitneyu; print(kruskal([1,2],[2,3]),
//! mannwhitneyu([1,2,2,5],[2,3,4], method='asymptotic'))"` (scipy 1.17.1).

use mangetamain_stats::groups::RankSums;

#[test]
fn kruskal_wallis_from_parts_matches_scipy() {
    // [1, 2] and [2, 3]: ranks 1, 2.5 | 2.5, 4; one run of two equal values.
    let ranks = RankSums::from_parts(&[(3.5, 2), (6.5, 2)], 6.0);
    let test = ranks.kruskal_wallis().unwrap();
    assert!((test.h - 1.4999999999999976).abs() < 1e-12, "{}", test.h);
    assert!((test.p_value - 0.22067136191984363).abs() < 1e-12);
    assert_eq!(test.n, vec![2, 2]);
}

#[test]
fn mann_whitney_from_parts_matches_scipy() {
    // [1, 2, 2, 5] and [2, 3, 4]: ranks 1, 3, 3, 7 | 3, 5, 6; a run of three equal values.
    let ranks = RankSums::from_parts(&[(14.0, 4), (14.0, 3)], 24.0);
    let test = ranks
        .mann_whitney()
        .unwrap()
        .expect("ties: normal approximation");
    assert_eq!(test.u, 4.0);
    assert!(
        (test.p_value - 0.5820796519295022).abs() < 1e-12,
        "{}",
        test.p_value
    );
}
