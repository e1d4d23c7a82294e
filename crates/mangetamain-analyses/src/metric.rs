//! The numeric recipe variables the analyses work on.

use serde::{Deserialize, Serialize};

/// A numeric recipe variable the analyses compare across years, seasons and weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Metric {
    /// Preparation time, minutes.
    Minutes,
    /// ln(1 + minutes) + n_steps + 0.5 n_ingredients.
    Complexity,
    /// Number of steps.
    Steps,
    /// Number of ingredients.
    Ingredients,
    /// Calories (kcal).
    Calories,
    /// Total fat, % of daily value.
    TotalFat,
    /// Sugar, % of daily value.
    Sugar,
    /// Sodium, % of daily value.
    Sodium,
    /// Protein, % of daily value.
    Protein,
    /// Saturated fat, % of daily value.
    SaturatedFat,
    /// Carbohydrates, % of daily value.
    Carbohydrates,
}

impl Metric {
    /// Every metric, in display order.
    pub const ALL: [Metric; 11] = [
        Metric::Minutes,
        Metric::Complexity,
        Metric::Steps,
        Metric::Ingredients,
        Metric::Calories,
        Metric::TotalFat,
        Metric::Sugar,
        Metric::Sodium,
        Metric::Protein,
        Metric::SaturatedFat,
        Metric::Carbohydrates,
    ];

    /// Position in [`Metric::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Whether the metric is one of the nutrition values.
    pub fn is_nutrient(self) -> bool {
        self.index() >= Metric::Calories.index()
    }

    /// The column of the cleaned recipes frame.
    pub fn column(self) -> &'static str {
        match self {
            Metric::Minutes => "minutes",
            Metric::Complexity => "complexity_score",
            Metric::Steps => "n_steps",
            Metric::Ingredients => "n_ingredients",
            Metric::Calories => "calories",
            Metric::TotalFat => "total_fat_pct",
            Metric::Sugar => "sugar_pct",
            Metric::Sodium => "sodium_pct",
            Metric::Protein => "protein_pct",
            Metric::SaturatedFat => "sat_fat_pct",
            Metric::Carbohydrates => "carb_pct",
        }
    }
}
