//! Long-term trends of recipes, 1999-2018 (reference-app.md 2.A): volume per year and yearly
//! series of preparation time, complexity and nutrition, each with a weighted regression (WLS,
//! weights = recipes per year) and, in addition, the Mann-Kendall test and Sen's slope on real
//! years.

pub mod yearly;

pub use yearly::{
    recipe_volume, yearly_trends, Metric, RecipeVolume, TrendParams, YearlyTrend, YearlyTrends,
};
