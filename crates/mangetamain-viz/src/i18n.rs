//! Typed message keys with English and French text. Every label of every chart goes through a
//! [`Msg`]; the table below is the only place texts live, and the macro makes a key without
//! both translations a compile error (the reference app shipped ~50 broken keys).

use mangetamain_analyses::metric::Metric;
use mangetamain_analyses::Season;
use serde::{Deserialize, Serialize};

/// Display language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// English (default).
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Fr];

    /// The language of a `?lang=` value ("en", "fr"), `None` for anything else.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

macro_rules! messages {
    ($($key:ident => $en:literal, $fr:literal;)*) => {
        /// A message key; its English text is its documentation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg {
            $(#[doc = $en] $key,)*
        }

        impl Msg {
            /// Every key.
            pub const ALL: &'static [Msg] = &[$(Msg::$key,)*];

            /// The text in `lang`; `{0}`, `{1}`... are placeholders filled by [`Msg::fill`].
            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((Msg::$key, Lang::En) => $en, (Msg::$key, Lang::Fr) => $fr,)*
                }
            }
        }
    };
}

impl Msg {
    /// The text with `{0}`, `{1}`... replaced by `values`.
    pub fn fill(self, lang: Lang, values: &[&str]) -> String {
        let mut text = self.text(lang).to_string();
        for (i, value) in values.iter().enumerate() {
            text = text.replace(&format!("{{{i}}}"), value);
        }
        text
    }
}

messages! {
    Year => "Year", "Année";
    Recipes => "Recipes", "Recettes";
    RecipesPerYear => "Recipes per year", "Recettes par année";
    QqPlot => "Q-Q plot (normality of yearly counts)", "Diagramme Q-Q (normalité des volumes annuels)";
    TheoreticalQuantiles => "Theoretical quantiles", "Quantiles théoriques";
    ObservedQuantiles => "Observed quantiles", "Quantiles observés";
    Observed => "Observed", "Observé";
    TheoreticalLine => "Theoretical line", "Droite théorique";
    Mean => "Mean", "Moyenne";
    Median => "Median", "Médiane";
    BandLabel => "Q{0}-Q{1} interval", "Intervalle Q{0}-Q{1}";
    WlsMean => "WLS on the mean (R² = {0})", "WLS sur la moyenne (R² = {0})";
    WlsMedian => "WLS on the median (R² = {0})", "WLS sur la médiane (R² = {0})";
    WlsLine => "WLS (R² = {0})", "WLS (R² = {0})";
    SlopePerYear => "slope {0}/year (p = {1})", "pente {0}/an (p = {1})";
    EvolutionOf => "{0} per year", "{0} par année";
    HoverYearValue => "Year %{x}<br>%{y:.2f}<br>n = %{customdata}<extra></extra>", "Année %{x}<br>%{y:.2f}<br>n = %{customdata}<extra></extra>";
    HoverYearCount => "Year %{x}<br>Recipes: %{y:,}<extra></extra>", "Année %{x}<br>Recettes : %{y:,}<extra></extra>";
    MinutesName => "Preparation time (min)", "Temps de préparation (min)";
    ComplexityName => "Complexity score", "Score de complexité";
    StepsName => "Number of steps", "Nombre d'étapes";
    IngredientsName => "Number of ingredients", "Nombre d'ingrédients";
    CaloriesName => "Calories (kcal)", "Calories (kcal)";
    TotalFatName => "Total fat (% DV)", "Lipides (% AJ)";
    SugarName => "Sugar (% DV)", "Sucres (% AJ)";
    SodiumName => "Sodium (% DV)", "Sodium (% AJ)";
    ProteinName => "Protein (% DV)", "Protéines (% AJ)";
    SaturatedFatName => "Saturated fat (% DV)", "Graisses saturées (% AJ)";
    CarbohydratesName => "Carbohydrates (% DV)", "Glucides (% AJ)";
    IngredientsWord => "ingredients", "ingrédients";
    TagsWord => "tags", "tags";
    TopFrequent => "Top {0} most frequent {1}", "Top {0} des {1} les plus fréquents";
    Diversity => "Diversity of {0} per year", "Diversité des {0} par année";
    DistinctPerYear => "Distinct per year", "Distincts par année";
    RarefiedDiversity => "Expected distinct in {0} recipes (rarefied)", "Distincts attendus sur {0} recettes (raréfaction)";
    TopIncreases => "Largest increases ({0}), * = significant", "Plus fortes hausses ({0}), * = significatif";
    TopDecreases => "Largest decreases ({0}), * = significant", "Plus fortes baisses ({0}), * = significatif";
    EvolutionIncreases => "Share of recipes: increases", "Part des recettes : hausses";
    EvolutionDecreases => "Share of recipes: decreases", "Part des recettes : baisses";
    RecipesListing => "Recipes listing it", "Recettes qui le citent";
    DeltaPoints => "Change (percentage points)", "Variation (points de pourcentage)";
    SharePercent => "Share of recipes (%)", "Part des recettes (%)";
    Season => "Season", "Saison";
    Winter => "Winter", "Hiver";
    Spring => "Spring", "Printemps";
    Summer => "Summer", "Été";
    Autumn => "Autumn", "Automne";
    RecipesPerSeason => "Recipes per season", "Recettes par saison";
    SeasonShare => "Share per season (%)", "Répartition par saison (%)";
    Expected => "Expected without seasonality", "Attendu sans saisonnalité";
    MeanPerSeason => "{0}: mean per season (Q25-Q75)", "{0} : moyenne par saison (Q25-Q75)";
    DistributionPerSeason => "{0}: distribution per season", "{0} : distribution par saison";
    NutrientProfile => "Nutritional profile by season (z-score of the seasonal means)", "Profil nutritionnel par saison (z-score des moyennes saisonnières)";
    ZScore => "z-score", "z-score";
    SeasonalItems => "Top {0} seasonal {1} (colour: share scaled per row; text: share %)", "Top {0} des {1} saisonniers (couleur : part normalisée par ligne ; texte : part %)";
    Weekday => "Weekday (Mon-Fri)", "Semaine (lun.-ven.)";
    Weekend => "Weekend (Sat-Sun)", "Week-end (sam.-dim.)";
    Monday => "Monday", "Lundi";
    Tuesday => "Tuesday", "Mardi";
    Wednesday => "Wednesday", "Mercredi";
    Thursday => "Thursday", "Jeudi";
    Friday => "Friday", "Vendredi";
    Saturday => "Saturday", "Samedi";
    Sunday => "Sunday", "Dimanche";
    DayOfWeek => "Day of the week", "Jour de la semaine";
    PerDayOfWeek => "Recipes per day of week", "Recettes par jour de semaine";
    SevenDays => "Recipes per weekday", "Recettes par jour";
    DeviationPercent => "Deviation from the 7-day mean (%)", "Écart à la moyenne des 7 jours (%)";
    SevenDayMean => "7-day mean", "Moyenne des 7 jours";
    MeanPerPeriod => "{0}: mean per period (Q25-Q75)", "{0} : moyenne par période (Q25-Q75)";
    DistributionPerPeriod => "{0}: distribution per period", "{0} : distribution par période";
    NutrientDifferences => "Weekend vs weekday: difference of means (%), * = significant after correction", "Week-end vs semaine : écart des moyennes (%), * = significatif après correction";
    DifferencePercent => "Difference (%)", "Écart (%)";
    PeriodItems => "{0} leaning to a period (weekend - weekday, points)", "{0} associés à une période (week-end - semaine, points)";
    MonthlyVolumes => "Ratings per month (log scale)", "Notes par mois (échelle log)";
    MonthsCount => "Months", "Mois";
    Ratings => "Ratings", "Notes";
    NormalisedWeights => "Normalised weight per month", "Poids normalisé par mois";
    MonthlyMeanRating => "Monthly mean rating", "Note moyenne mensuelle";
    MeanRating => "Mean rating", "Note moyenne";
    Date => "Date", "Date";
    Weight => "Weight", "Poids";
    VarianceOfMeans => "Variance of the monthly means", "Variance des moyennes mensuelles";
    Unweighted => "Unweighted", "Non pondérée";
    Weighted => "Weighted", "Pondérée";
    WeightingTitle => "Volume weighting (slope bias {0} %)", "Pondération par le volume (biais de pente {0} %)";
    TrendTitle => "Monthly mean rating and WLS trend ({0}/year, p = {1})", "Note moyenne mensuelle et tendance WLS ({0}/an, p = {1})";
    WlsTrend => "WLS trend", "Tendance WLS";
    MonthlyStd => "Monthly standard deviation", "Écart-type mensuel";
    VolumeVsRating => "Volume vs mean rating (weighted ρ = {0})", "Volume vs note moyenne (ρ pondéré = {0})";
    LevelTitle => "Weighted mean {0} (95 % CI {1} to {2})", "Moyenne pondérée {0} (IC 95 % {1} à {2})";
    ConfidenceInterval => "95 % confidence interval", "Intervalle de confiance à 95 %";
    WeightedMean => "Weighted mean", "Moyenne pondérée";
    RatingsPerSeason => "Ratings per season (thousands)", "Notes par saison (milliers)";
    MeanRatingPerSeason => "Mean rating per season", "Note moyenne par saison";
    FiveStarPercent => "5 stars (%)", "5 étoiles (%)";
    LowPercent => "2 stars or less (%)", "2 étoiles ou moins (%)";
    StdRating => "Standard deviation", "Écart-type";
    SeasonTestTitle => "Ratings by season (Kruskal-Wallis p = {0}, epsilon² = {1})", "Notes par saison (Kruskal-Wallis p = {0}, epsilon² = {1})";
    WeekdayTestTitle => "Ratings by weekday (Mann-Whitney p = {0}, Cohen's d = {1})", "Notes par jour (Mann-Whitney p = {0}, d de Cohen = {1})";
    IngredientYearly => "Mean rating per year of recipes with each ingredient", "Note moyenne par année des recettes contenant chaque ingrédient";
    IngredientSeasons => "Mean rating by season (* = Kruskal-Wallis significant after correction)", "Note moyenne par saison (* = Kruskal-Wallis significatif après correction)";
    Ingredient => "Ingredient", "Ingrédient";
    Count => "Count", "Effectif";
    PeakSentence => "{0}: highest in {1} ({2}).", "{0} : maximum en {1} ({2}).";
    TrendUp => "{0}: significant increase of {1} per year (adjusted p = {2}, R² = {3}).", "{0} : hausse significative de {1} par an (p ajustée = {2}, R² = {3}).";
    TrendDown => "{0}: significant decrease of {1} per year (adjusted p = {2}, R² = {3}).", "{0} : baisse significative de {1} par an (p ajustée = {2}, R² = {3}).";
    TrendFlat => "{0}: no significant trend (slope {1} per year, adjusted p = {2}).", "{0} : pas de tendance significative (pente {1} par an, p ajustée = {2}).";
    NormalitySentence => "{0}: Q-Q r² = {1}, {2}.", "{0} : r² du Q-Q = {1}, {2}.";
    NearNormal => "close to a normal distribution", "distribution proche de la normale";
    SlightlyNonNormal => "slightly non-normal", "légèrement non normale";
    NonNormal => "not normally distributed", "distribution non normale";
    DifferenceSignificant => "{0}: {1} highest ({2}), {3} lowest ({4}); the difference is significant (p = {5}) and its effect is {6} ({7} = {8}).", "{0} : {1} le plus élevé ({2}), {3} le plus bas ({4}) ; la différence est significative (p = {5}) et son effet est {6} ({7} = {8}).";
    DifferenceNotSignificant => "{0}: no significant difference (p = {1}); {2} {3} against {4} {5}.", "{0} : pas de différence significative (p = {1}) ; {2} {3} contre {4} {5}.";
    DeviationSentence => "{0}, {1}: {2} observed against {3} expected ({4} %).", "{0}, {1} : {2} observés contre {3} attendus ({4} %).";
    ShiftSentence => "{0}: “{1}” is more frequent in {2} (+{3} points, adjusted p = {4}).", "{0} : « {1} » est plus fréquent en {2} (+{3} points, p ajustée = {4}).";
    EstimateSentence => "{0}: {1} (95 % CI {2} to {3}).", "{0} : {1} (IC 95 % {2} à {3}).";
    CountSentence => "{0}: {1}.", "{0} : {1}.";
    Negligible => "negligible", "négligeable";
    Small => "small", "faible";
    Medium => "medium", "moyen";
    Large => "large", "fort";
    LastYears => "the last years", "les dernières années";
    FirstYears => "the first years", "les premières années";
    SubjectRecipesPerYear => "Recipes per year", "Recettes par année";
    SubjectRecipesPerSeason => "Recipes per season", "Recettes par saison";
    SubjectRecipesPerDayOfWeek => "Recipes per day of week", "Recettes par jour de semaine";
    SubjectRecipesPerPeriod => "Recipes per period", "Recettes par période";
    SubjectRecipesPerWeekday => "Recipes per weekday", "Recettes par jour";
    SubjectMeanRating => "Mean rating", "Note moyenne";
    SubjectMeanRatingPerWeekday => "Mean rating per weekday", "Note moyenne par jour";
    SubjectWeightedMean => "Weighted mean of the monthly mean ratings", "Moyenne pondérée des notes moyennes mensuelles";
    SubjectIngredientDiversityDistinct => "Distinct ingredients per year", "Ingrédients distincts par année";
    SubjectIngredientDiversityRarefied => "Rarefied ingredient diversity", "Diversité raréfiée des ingrédients";
    SubjectTagDiversityDistinct => "Distinct tags per year", "Tags distincts par année";
    SubjectTagDiversityRarefied => "Rarefied tag diversity", "Diversité raréfiée des tags";
    SubjectIngredients => "Ingredients", "Ingrédients";
    SubjectTags => "Tags", "Tags (étiquettes)";
    SubjectIngredientsChanged => "Ingredients with a significant change", "Ingrédients à variation significative";
    SubjectTagsChanged => "Tags with a significant change", "Tags à variation significative";
    SubjectIngredientsTested => "Ingredients tested", "Ingrédients testés";
    SubjectTagsTested => "Tags tested", "Tags testés";
    SubjectSeasonalIngredients => "Seasonal ingredients (kept and significant)", "Ingrédients saisonniers (retenus et significatifs)";
    SubjectSeasonalTags => "Seasonal tags (kept and significant)", "Tags saisonniers (retenus et significatifs)";
    SubjectIngredientsLeaning => "Ingredients leaning to a period", "Ingrédients associés à une période";
    SubjectTagsLeaning => "Tags leaning to a period", "Tags associés à une période";
    DistinctUsers => "Distinct users", "Utilisateurs distincts";
}

/// The label of a metric.
pub fn metric_name(metric: Metric, lang: Lang) -> &'static str {
    let key = match metric {
        Metric::Minutes => Msg::MinutesName,
        Metric::Complexity => Msg::ComplexityName,
        Metric::Steps => Msg::StepsName,
        Metric::Ingredients => Msg::IngredientsName,
        Metric::Calories => Msg::CaloriesName,
        Metric::TotalFat => Msg::TotalFatName,
        Metric::Sugar => Msg::SugarName,
        Metric::Sodium => Msg::SodiumName,
        Metric::Protein => Msg::ProteinName,
        Metric::SaturatedFat => Msg::SaturatedFatName,
        Metric::Carbohydrates => Msg::CarbohydratesName,
    };
    key.text(lang)
}

/// The label of a season.
pub fn season_name(season: Season, lang: Lang) -> &'static str {
    match season {
        Season::Winter => Msg::Winter,
        Season::Spring => Msg::Spring,
        Season::Summer => Msg::Summer,
        Season::Autumn => Msg::Autumn,
    }
    .text(lang)
}

/// The label of a weekday, 1 = Monday ... 7 = Sunday ("?" outside 1-7).
pub fn day_name(day: usize, lang: Lang) -> &'static str {
    const DAYS: [Msg; 7] = [
        Msg::Monday,
        Msg::Tuesday,
        Msg::Wednesday,
        Msg::Thursday,
        Msg::Friday,
        Msg::Saturday,
        Msg::Sunday,
    ];
    day.checked_sub(1)
        .and_then(|i| DAYS.get(i))
        .map_or("?", |m| m.text(lang))
}

/// The label of a period: 0 = weekday, 1 = weekend.
pub fn period_name(period: usize, lang: Lang) -> &'static str {
    if period == 0 {
        Msg::Weekday.text(lang)
    } else {
        Msg::Weekend.text(lang)
    }
}

/// The label of a group name produced by the analyses (season, period or day names in
/// English), translated; other names are returned as they are.
pub fn group_label(name: &str, lang: Lang) -> String {
    for season in Season::ALL {
        if season.name() == name {
            return season_name(season, lang).to_string();
        }
    }
    match name {
        "Weekday" => return period_name(0, lang).to_string(),
        "Weekend" => return period_name(1, lang).to_string(),
        _ => {}
    }
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    DAYS.iter()
        .position(|d| *d == name)
        .map_or(name.to_string(), |i| day_name(i + 1, lang).to_string())
}
