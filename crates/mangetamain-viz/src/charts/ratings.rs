//! Charts of the ratings topic (reference-app.md 2.D and the notebook rating analyses): volume
//! weighting (D1), trend (D2), level with its confidence interval (D3), seasons (D4-D5),
//! weekdays (NB-R3) and ingredient ratings (NB-I1/I2).

use plotly::common::{ColorScale, ColorScalePalette, DashType, Fill, Line, Marker, Mode};
use plotly::{Histogram, Plot, Scatter};

use mangetamain_analyses::ratings::{
    IngredientRatings, MonthlyRatings, RatingStability, SeasonRatings, WeekdayRatings,
};
use mangetamain_analyses::Season;

use super::traces::{bars, bubble_sizes, outside};
use crate::figure::Chart;
use crate::i18n::{day_name, group_label, season_name, Lang, Msg};
use crate::theme::{
    axis, axis_ids, base_layout, colors, format_p, grid, padded_range, period_color, rgba,
    season_color, subplot_title, with_subplot,
};

fn month_dates(monthly: &MonthlyRatings) -> Vec<String> {
    monthly
        .kept()
        .map(|m| format!("{:04}-{:02}-01", m.year, m.month))
        .collect()
}

fn dated_line(
    x: Vec<String>,
    y: Vec<f64>,
    index: usize,
    color: &str,
    name: &str,
    dashed: bool,
) -> Box<Scatter<String, f64>> {
    let (xa, ya) = axis_ids(index);
    let mut style = Line::new().color(color.to_string()).width(2.0);
    if dashed {
        style = style.dash(DashType::Dash);
    }
    Scatter::new(x, y)
        .mode(Mode::Lines)
        .name(name)
        .x_axis(&xa)
        .y_axis(&ya)
        .line(style)
}

/// D1: monthly volumes (log histogram), normalised weights over time, monthly means sized by
/// weight, and the variance of the monthly means unweighted against weighted.
pub fn weighting_chart(monthly: &MonthlyRatings, stability: &RatingStability, lang: Lang) -> Chart {
    let cells = grid(2, 2, 0.12, 0.16);
    let dates = month_dates(monthly);
    let volumes: Vec<f64> = monthly.kept().map(|m| m.n as f64).collect();
    let means: Vec<f64> = monthly.kept().map(|m| m.mean).collect();
    let check = &stability.weighting_check;
    let mut plot = Plot::new();
    plot.add_trace(
        Histogram::new(volumes.clone())
            .n_bins_x(20)
            .name(Msg::MonthsCount.text(lang))
            .marker(Marker::new().color(colors::ORANGE).opacity(0.7)),
    );
    plot.add_trace(
        dated_line(
            dates.clone(),
            check.normalised_weights.clone(),
            2,
            colors::RED_ORANGE,
            Msg::NormalisedWeights.text(lang),
            false,
        )
        .mode(Mode::LinesMarkers),
    );
    plot.add_trace(
        Scatter::new(dates.clone(), means.clone())
            .mode(Mode::Markers)
            .name(Msg::MonthlyMeanRating.text(lang))
            .x_axis("x3")
            .y_axis("y3")
            .marker(
                Marker::new()
                    .size_array(bubble_sizes(&check.normalised_weights, 25.0))
                    .color_array(volumes.clone())
                    .color_scale(ColorScale::Palette(ColorScalePalette::YlOrRd))
                    .show_scale(true),
            ),
    );
    plot.add_trace(outside(
        bars(
            vec![
                Msg::Unweighted.text(lang).to_string(),
                Msg::Weighted.text(lang).to_string(),
            ],
            vec![check.variance_unweighted, check.variance_weighted],
            4,
            vec![colors::GOLD.to_string(), colors::ORANGE.to_string()],
            Msg::VarianceOfMeans.text(lang),
        ),
        vec![
            format!("{:.4}", check.variance_unweighted),
            format!("{:.4}", check.variance_weighted),
        ],
    ));
    let title = Msg::WeightingTitle.fill(lang, &[&format!("{:.1}", check.slope_bias_percent)]);
    let mut layout = base_layout(&title, 900).show_legend(false);
    let axes = [
        (Msg::Ratings, Msg::MonthsCount),
        (Msg::Date, Msg::Weight),
        (Msg::Date, Msg::MeanRating),
        (Msg::VarianceOfMeans, Msg::VarianceOfMeans),
    ];
    for (i, (x, y)) in axes.iter().enumerate() {
        let mut y_axis = axis(y.text(lang));
        if i == 0 {
            y_axis = y_axis.type_(plotly::layout::AxisType::Log);
        }
        if i == 2 {
            if let Some(range) = padded_range(means.iter().copied()) {
                y_axis = y_axis.range(range.to_vec());
            }
        }
        layout = with_subplot(layout, i + 1, cells[i], axis(x.text(lang)), y_axis);
    }
    plot.set_layout(layout.annotations(vec![
        subplot_title(Msg::MonthlyVolumes.text(lang), cells[0]),
        subplot_title(Msg::NormalisedWeights.text(lang), cells[1]),
        subplot_title(Msg::MonthlyMeanRating.text(lang), cells[2]),
        subplot_title(Msg::VarianceOfMeans.text(lang), cells[3]),
    ]));
    Chart::new(plot)
}

/// D2: monthly mean with the WLS line, volume over time, the standard deviation of the ratings
/// within each month (the reference drew the spread of the monthly *means* on the same axis, a
/// different quantity), and volume against mean rating with the volume-quality line.
pub fn rating_trend_chart(
    monthly: &MonthlyRatings,
    stability: &RatingStability,
    lang: Lang,
) -> Chart {
    let cells = grid(2, 2, 0.12, 0.16);
    let dates = month_dates(monthly);
    let kept: Vec<_> = monthly.kept().collect();
    let means: Vec<f64> = kept.iter().map(|m| m.mean).collect();
    let volumes: Vec<f64> = kept.iter().map(|m| m.n as f64).collect();
    let trend = &stability.trend;
    let mut plot = Plot::new();
    plot.add_trace(dated_line(
        dates.clone(),
        means.clone(),
        1,
        colors::BLUE,
        Msg::MonthlyMeanRating.text(lang),
        false,
    ));
    if let Some(fit) = &trend.wls {
        let fitted = kept
            .iter()
            .map(|m| fit.fitted_at(f64::from(m.months_since_start)))
            .collect();
        plot.add_trace(dated_line(
            dates.clone(),
            fitted,
            1,
            colors::RED_ORANGE,
            Msg::WlsTrend.text(lang),
            true,
        ));
    }
    plot.add_trace(
        dated_line(
            dates.clone(),
            volumes.clone(),
            2,
            colors::ORANGE,
            Msg::Ratings.text(lang),
            false,
        )
        .mode(Mode::LinesMarkers),
    );
    let stds: Vec<f64> = kept.iter().map(|m| m.std).collect();
    plot.add_trace(dated_line(
        dates.clone(),
        stds.clone(),
        3,
        colors::GOLD,
        Msg::MonthlyStd.text(lang),
        false,
    ));
    plot.add_trace(
        Scatter::new(volumes.clone(), means.clone())
            .mode(Mode::Markers)
            .name(Msg::MonthlyMeanRating.text(lang))
            .x_axis("x4")
            .y_axis("y4")
            .marker(
                Marker::new()
                    .size_array(bubble_sizes(
                        &stability.weighting_check.normalised_weights,
                        20.0,
                    ))
                    .color(colors::ORANGE)
                    .opacity(0.7),
            ),
    );
    if let Some(fit) = &trend.volume_quality_wls {
        let (lo, hi) = volumes
            .iter()
            .fold((f64::INFINITY, 0.0f64), |(a, b), v| (a.min(*v), b.max(*v)));
        plot.add_trace(
            Scatter::new(vec![lo, hi], vec![fit.fitted_at(lo), fit.fitted_at(hi)])
                .mode(Mode::Lines)
                .name(Msg::WlsTrend.text(lang))
                .x_axis("x4")
                .y_axis("y4")
                .line(Line::new().color(colors::RED_ORANGE).dash(DashType::Dash)),
        );
    }
    let p = trend.wls.as_ref().map_or(f64::NAN, |f| f.slope_p);
    let title = Msg::TrendTitle.fill(
        lang,
        &[&format!("{:+.4}", trend.slope_per_year), &format_p(p)],
    );
    let mut layout = base_layout(&title, 900).show_legend(false);
    let mean_range = padded_range(means.iter().copied());
    let axes = [
        (Msg::Date, Msg::MeanRating),
        (Msg::Date, Msg::Ratings),
        (Msg::Date, Msg::StdRating),
        (Msg::Ratings, Msg::MeanRating),
    ];
    for (i, (x, y)) in axes.iter().enumerate() {
        let mut y_axis = axis(y.text(lang));
        if (i == 0 || i == 3) && mean_range.is_some() {
            y_axis = y_axis.range(mean_range.unwrap_or_default().to_vec());
        }
        layout = with_subplot(layout, i + 1, cells[i], axis(x.text(lang)), y_axis);
    }
    let rho = trend
        .volume_quality_weighted_spearman
        .map_or("n/a".to_string(), |r| format!("{r:+.3}"));
    plot.set_layout(layout.annotations(vec![
        subplot_title(Msg::MonthlyMeanRating.text(lang), cells[0]),
        subplot_title(Msg::Ratings.text(lang), cells[1]),
        subplot_title(Msg::MonthlyStd.text(lang), cells[2]),
        subplot_title(&Msg::VolumeVsRating.fill(lang, &[&rho]), cells[3]),
    ]));
    Chart::new(plot)
}

/// D3: the monthly means, the weighted mean and its (correct) 95 % confidence band, and the WLS
/// trend; the y range comes from the data.
pub fn rating_level_chart(
    monthly: &MonthlyRatings,
    stability: &RatingStability,
    lang: Lang,
) -> Chart {
    let dates = month_dates(monthly);
    let kept: Vec<_> = monthly.kept().collect();
    let means: Vec<f64> = kept.iter().map(|m| m.mean).collect();
    let level = &stability.level;
    let ends = vec![
        dates.first().cloned().unwrap_or_default(),
        dates.last().cloned().unwrap_or_default(),
    ];
    let mut plot = Plot::new();
    plot.add_trace(
        Scatter::new(ends.clone(), vec![level.ci.1; 2])
            .mode(Mode::Lines)
            .line(Line::new().width(0.0))
            .show_legend(false)
            .name(Msg::ConfidenceInterval.text(lang)),
    );
    plot.add_trace(
        Scatter::new(ends.clone(), vec![level.ci.0; 2])
            .mode(Mode::Lines)
            .line(Line::new().width(0.0))
            .fill(Fill::ToNextY)
            .fill_color(rgba(colors::RED_ORANGE, 0.25))
            .name(Msg::ConfidenceInterval.text(lang)),
    );
    plot.add_trace(dated_line(
        dates.clone(),
        means.clone(),
        1,
        colors::BLUE,
        Msg::MonthlyMeanRating.text(lang),
        false,
    ));
    plot.add_trace(dated_line(
        ends,
        vec![level.weighted_mean; 2],
        1,
        colors::ORANGE,
        Msg::WeightedMean.text(lang),
        false,
    ));
    if let Some(fit) = &stability.trend.wls {
        plot.add_trace(dated_line(
            dates,
            kept.iter()
                .map(|m| fit.fitted_at(f64::from(m.months_since_start)))
                .collect(),
            1,
            colors::RED_ORANGE,
            Msg::WlsTrend.text(lang),
            true,
        ));
    }
    let title = Msg::LevelTitle.fill(
        lang,
        &[
            &format!("{:.4}", level.weighted_mean),
            &format!("{:.4}", level.ci.0),
            &format!("{:.4}", level.ci.1),
        ],
    );
    let mut y = axis(Msg::MeanRating.text(lang));
    if let Some(range) = padded_range(means.iter().copied().chain([level.ci.0, level.ci.1])) {
        y = y.range(range.to_vec());
    }
    plot.set_layout(
        base_layout(&title, 600)
            .x_axis(axis(Msg::Date.text(lang)))
            .y_axis(y),
    );
    Chart::new(plot)
}

/// D4-D5: per season: volume (thousands), mean, % 5 stars, % <= 2 stars, standard deviation,
/// distinct users; the title carries Kruskal-Wallis p and epsilon² (the effect size).
pub fn season_ratings_chart(seasons: &SeasonRatings, lang: Lang) -> Chart {
    let cells = grid(2, 3, 0.1, 0.18);
    let labels: Vec<String> = Season::ALL
        .iter()
        .map(|s| season_name(*s, lang).to_string())
        .collect();
    let colors: Vec<String> = Season::ALL
        .iter()
        .map(|s| season_color(*s).to_string())
        .collect();
    let panels: [(Msg, Vec<f64>, usize); 6] = [
        (
            Msg::RatingsPerSeason,
            seasons
                .seasons
                .iter()
                .map(|s| s.n as f64 / 1000.0)
                .collect(),
            1,
        ),
        (
            Msg::MeanRatingPerSeason,
            seasons.seasons.iter().map(|s| s.mean).collect(),
            4,
        ),
        (
            Msg::FiveStarPercent,
            seasons
                .seasons
                .iter()
                .map(|s| s.five_star_percent)
                .collect(),
            2,
        ),
        (
            Msg::LowPercent,
            seasons.seasons.iter().map(|s| s.low_percent).collect(),
            2,
        ),
        (
            Msg::StdRating,
            seasons.seasons.iter().map(|s| s.std).collect(),
            3,
        ),
        (
            Msg::DistinctUsers,
            seasons.seasons.iter().map(|s| s.users as f64).collect(),
            0,
        ),
    ];
    let mut plot = Plot::new();
    let mut layout = base_layout("", 900).show_legend(false);
    let mut titles = Vec::new();
    for (i, (key, values, decimals)) in panels.iter().enumerate() {
        plot.add_trace(outside(
            bars(
                labels.clone(),
                values.clone(),
                i + 1,
                colors.clone(),
                key.text(lang),
            ),
            values.iter().map(|v| format!("{v:.decimals$}")).collect(),
        ));
        let mut y = axis("");
        if let Some(range) = padded_range(values.iter().copied()) {
            // Bars start at the data, not at zero, when the spread is small: the range is
            // computed from the values (the reference hard-coded [4.60, 4.70] and the like).
            let span = range[1] - range[0];
            y = y.range(vec![range[0] - span, range[1] + span]);
        }
        layout = with_subplot(layout, i + 1, cells[i], axis(""), y);
        titles.push(subplot_title(key.text(lang), cells[i]));
    }
    let title = match &seasons.kruskal {
        Some(kw) => Msg::SeasonTestTitle.fill(
            lang,
            &[&format_p(kw.p_value), &format!("{:.5}", kw.epsilon_squared)],
        ),
        None => Msg::MeanRatingPerSeason.text(lang).to_string(),
    };
    plot.set_layout(
        layout
            .title(plotly::common::Title::with_text(&title))
            .annotations(titles),
    );
    Chart::new(plot)
}

/// NB-R3: mean rating per weekday and per period; the title carries the Mann-Whitney p and
/// Cohen's d.
pub fn weekday_ratings_chart(days: &WeekdayRatings, lang: Lang) -> Chart {
    let cells = grid(1, 2, 0.1, 0.0);
    let day_labels: Vec<String> = (1..=7).map(|d| day_name(d, lang).to_string()).collect();
    let day_means: Vec<f64> = days.days.iter().map(|d| d.mean).collect();
    let period_means: Vec<f64> = days.periods.iter().map(|p| p.mean).collect();
    let mut plot = Plot::new();
    plot.add_trace(outside(
        bars(
            day_labels,
            day_means.clone(),
            1,
            (1..=7)
                .map(|d| period_color(usize::from(d >= 6)).to_string())
                .collect(),
            Msg::MeanRating.text(lang),
        ),
        day_means.iter().map(|m| format!("{m:.3}")).collect(),
    ));
    plot.add_trace(outside(
        bars(
            days.periods
                .iter()
                .map(|p| group_label(&p.group, lang))
                .collect(),
            period_means.clone(),
            2,
            (0..2).map(|p| period_color(p).to_string()).collect(),
            Msg::MeanRating.text(lang),
        ),
        period_means.iter().map(|m| format!("{m:.3}")).collect(),
    ));
    let range = padded_range(day_means.iter().chain(&period_means).copied())
        .map(|r| vec![r[0] - (r[1] - r[0]), r[1] + (r[1] - r[0])]);
    let mut layout = base_layout("", 500).show_legend(false);
    for (i, x) in [Msg::DayOfWeek, Msg::Weekday].iter().enumerate() {
        let mut y = axis(Msg::MeanRating.text(lang));
        if let Some(r) = &range {
            y = y.range(r.clone());
        }
        let x_title = if i == 0 { x.text(lang) } else { "" };
        layout = with_subplot(layout, i + 1, cells[i], axis(x_title), y);
    }
    let title = match (&days.mann_whitney, &days.welch) {
        (Some(mw), Some(t)) => Msg::WeekdayTestTitle.fill(
            lang,
            &[&format_p(mw.p_value), &format!("{:+.4}", t.cohens_d)],
        ),
        _ => Msg::MeanRating.text(lang).to_string(),
    };
    plot.set_layout(layout.title(crate::theme::title(&title)));
    Chart::new(plot)
}

/// NB-I1: yearly mean rating of the recipes using each ingredient (legend: Sen's slope per year
/// and the Mann-Kendall p adjusted across ingredients).
pub fn ingredient_trends_chart(ratings: &IngredientRatings, lang: Lang) -> Chart {
    let mut plot = Plot::new();
    let mut all = Vec::new();
    for (i, ingredient) in ratings.ingredients.iter().enumerate() {
        let label = match &ingredient.sen {
            Some(sen) => format!(
                "{} ({:+.3}/y, p = {})",
                ingredient.ingredient,
                sen.slope,
                format_p(ingredient.trend_p_adjusted)
            ),
            None => ingredient.ingredient.clone(),
        };
        all.extend(ingredient.yearly_mean.iter().copied());
        let n: Vec<f64> = ingredient.yearly_n.iter().map(|v| *v as f64).collect();
        plot.add_trace(
            Scatter::new(
                ingredient
                    .years
                    .iter()
                    .map(|y| f64::from(*y))
                    .collect::<Vec<f64>>(),
                ingredient.yearly_mean.clone(),
            )
            .mode(Mode::LinesMarkers)
            .name(&label)
            .line(Line::new().color(colors::SEQUENCE[i % colors::SEQUENCE.len()]))
            .marker(Marker::new().size_array(bubble_sizes(&n, 14.0)))
            .custom_data(ingredient.yearly_n.clone())
            .hover_template(Msg::HoverYearValue.text(lang)),
        );
    }
    let mut y = axis(Msg::MeanRating.text(lang));
    if let Some(range) = padded_range(all) {
        y = y.range(range.to_vec());
    }
    plot.set_layout(
        base_layout(Msg::IngredientYearly.text(lang), 600)
            .x_axis(axis(Msg::Year.text(lang)))
            .y_axis(y),
    );
    Chart::new(plot)
}

/// NB-I2: mean rating by season for each ingredient (heatmap; * = Kruskal-Wallis significant
/// after correction across ingredients).
pub fn ingredient_seasons_chart(ratings: &IngredientRatings, alpha: f64, lang: Lang) -> Chart {
    let rows: Vec<String> = ratings
        .ingredients
        .iter()
        .rev()
        .map(|i| {
            let star = if i.season_p_adjusted < alpha {
                " *"
            } else {
                ""
            };
            format!("{}{star}", i.ingredient)
        })
        .collect();
    let z: Vec<Vec<f64>> = ratings
        .ingredients
        .iter()
        .rev()
        .map(|i| i.season_mean.clone())
        .collect();
    let labels: Vec<String> = Season::ALL
        .iter()
        .map(|s| season_name(*s, lang).to_string())
        .collect();
    let mut plot = Plot::new();
    plot.add_trace(
        plotly::HeatMap::new(labels, rows.clone(), z)
            .color_scale(ColorScale::Palette(ColorScalePalette::YlOrRd))
            .hover_template("%{y}<br>%{x}: %{z:.3f}<extra></extra>"),
    );
    plot.set_layout(
        base_layout(
            Msg::IngredientSeasons.text(lang),
            (200 + 28 * rows.len()).max(400),
        )
        .x_axis(axis(Msg::Season.text(lang)))
        .y_axis(axis(Msg::Ingredient.text(lang))),
    );
    Chart::new(plot)
}
