//! Long-term trends of recipes, 1999-2018 (reference-app.md 2.A): volume per year and yearly
//! series of preparation time, complexity and nutrition, each with a weighted regression (WLS,
//! weights = recipes per year) and, in addition, the Mann-Kendall test and Sen's slope on real
//! years (A1-A4); ingredients and tags over time with raw and rarefied diversity (A5-A6).

pub mod items;
pub mod yearly;

pub use items::{item_trends, ItemTrendParams, ItemTrends};
pub use yearly::{
    recipe_volume, yearly_trends, RecipeVolume, TrendParams, YearlyTrend, YearlyTrends,
};
