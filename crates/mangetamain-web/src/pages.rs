//! The bodies of the pages: controls, then one section per analysis with its chart, its key
//! figures, its interpretation (sentences written from the findings) and its data links.

use mangetamain_analyses::findings::Finding;
use mangetamain_analyses::metric::Metric;
use mangetamain_viz::charts::{ratings, seasonality, trends, weekend};
use mangetamain_viz::i18n::Msg;
use mangetamain_viz::narrative::sentence;
use mangetamain_viz::{Chart, Lang};

use crate::html::{escape, page_title, thousands};
use crate::params::{Band, Limits, Page, Settings};
use crate::text::T;
use crate::topics::{
    OverviewResults, RatingsResults, SeasonalityResults, TopicResults, TrendsResults,
    WeekendResults,
};

/// One analysis section.
struct Section<'a> {
    id: &'static str,
    title: T,
    charts: Vec<Chart>,
    findings: Vec<&'a Finding>,
    kpis: Vec<(String, String)>,
    analysis: &'static str,
}

fn render_section(section: &Section, page: Page, lang: Lang, query: &str) -> String {
    let mut out = format!(
        "<section id=\"{}\"><h2>{}</h2>",
        section.id,
        escape(section.title.get(lang))
    );
    if !section.kpis.is_empty() {
        out.push_str("<div class=\"kpis\">");
        for (label, value) in &section.kpis {
            out.push_str(&format!(
                "<div class=\"kpi\"><span>{}</span><b>{}</b></div>",
                escape(label),
                escape(value)
            ));
        }
        out.push_str("</div>");
    }
    for (i, chart) in section.charts.iter().enumerate() {
        out.push_str(&format!(
            "<div class=\"chart\">{}</div>",
            chart.to_fragment(&format!("chart-{}-{}-{i}", page.slug(), section.id))
        ));
    }
    if !section.findings.is_empty() {
        out.push_str(&format!(
            "<div class=\"findings\"><b>{}</b><ul>",
            T::Interpretation.get(lang)
        ));
        for finding in &section.findings {
            out.push_str(&format!("<li>{}</li>", escape(&sentence(finding, lang))));
        }
        out.push_str("</ul></div>");
    }
    let suffix = if query.is_empty() {
        String::new()
    } else {
        format!("?{query}")
    };
    out.push_str(&format!(
        "<p class=\"data\">{}: <a href=\"/api/{page}/{name}.json{suffix}\">JSON</a> · <a href=\"/api/{page}/{name}.csv{suffix}\">CSV</a></p></section>",
        T::Data.get(lang),
        page = page.slug(),
        name = section.analysis,
        suffix = escape(&suffix),
    ));
    out
}

fn controls(settings: &Settings, lang: Lang, limits: &Limits) -> String {
    let page = settings.page;
    if page == Page::Overview {
        return String::new();
    }
    let (from, to) = settings.years.unwrap_or(limits.years);
    let year_options = |selected: i32| -> String {
        (limits.years.0..=limits.years.1)
            .map(|y| {
                let mark = if y == selected { " selected" } else { "" };
                format!("<option{mark}>{y}</option>")
            })
            .collect()
    };
    let mut form = format!(
        "<form class=\"controls\" method=\"get\" action=\"{}\"><input type=\"hidden\" name=\"lang\" value=\"{}\">\
         <label>{}<select name=\"from\">{}</select></label><label>{}<select name=\"to\">{}</select></label>",
        page.path(),
        lang.code(),
        T::YearFrom.get(lang),
        year_options(from),
        T::YearTo.get(lang),
        year_options(to)
    );
    let switch = |name: &str, label: T, on: bool| {
        format!(
            "<label>{}<select name=\"{name}\"><option value=\"on\"{}>{}</option><option value=\"off\"{}>{}</option></select></label>",
            label.get(lang),
            if on { " selected" } else { "" },
            T::Yes.get(lang),
            if on { "" } else { " selected" },
            T::No.get(lang)
        )
    };
    if page == Page::Trends {
        form.push_str(&switch("values", T::ShowValues, settings.show_values));
        form.push_str(&switch("bubbles", T::Bubbles, settings.bubbles));
        form.push_str(&format!(
            "<label>{}<select name=\"band\">",
            T::Band.get(lang)
        ));
        for band in Band::ALL {
            let (lo, hi) = band.quantiles();
            form.push_str(&format!(
                "<option value=\"{}\"{}>Q{:.0}-Q{:.0}</option>",
                band.code(),
                if band == settings.band {
                    " selected"
                } else {
                    ""
                },
                lo * 100.0,
                hi * 100.0
            ));
        }
        form.push_str("</select></label>");
    }
    if matches!(page, Page::Trends | Page::Seasonality | Page::Weekend) {
        let top = settings
            .top
            .unwrap_or(if page == Page::Trends { 10 } else { 20 });
        form.push_str(&format!(
            "<label>{}<input type=\"number\" name=\"top\" min=\"3\" max=\"50\" value=\"{top}\"></label>",
            T::TopN.get(lang)
        ));
    }
    if page == Page::Ratings {
        form.push_str(&format!(
            "<label>{}<select name=\"population\"><option value=\"all\"{}>{}</option>{}</select></label>",
            T::Population.get(lang),
            if settings.train { "" } else { " selected" },
            T::PopulationAll.get(lang),
            if limits.has_train {
                format!(
                    "<option value=\"train\"{}>{}</option>",
                    if settings.train { " selected" } else { "" },
                    T::PopulationTrain.get(lang)
                )
            } else {
                String::new()
            }
        ));
        form.push_str(&format!(
            "<label>{}<input type=\"number\" name=\"min_monthly\" min=\"1\" max=\"100000\" value=\"{}\"></label>",
            T::MinMonthly.get(lang),
            settings.min_monthly
        ));
        let list = settings
            .ingredients
            .as_ref()
            .map(|l| l.join(", "))
            .unwrap_or_default();
        form.push_str(&format!(
            "<label>{}<input type=\"text\" name=\"ingredients\" size=\"40\" value=\"{}\"></label>",
            T::IngredientsList.get(lang),
            escape(&list)
        ));
    }
    form.push_str(&format!(
        "<button type=\"submit\">{}</button></form>",
        T::Apply.get(lang)
    ));
    form
}

/// Renders the body of a page: (title, HTML).
pub fn render(
    results: &TopicResults,
    settings: &Settings,
    lang: Lang,
    limits: &Limits,
) -> (String, String) {
    let page = settings.page;
    let title = page_title(page).get(lang).to_string();
    let query = settings.query();
    let lang_query = if query.is_empty() {
        format!("lang={}", lang.code())
    } else {
        format!("lang={}&{query}", lang.code())
    };
    let (intro, sections) = match results {
        TopicResults::Overview(r) => {
            return (title.clone(), overview(r, lang, &title));
        }
        TopicResults::Trends(r) => (T::TrendsIntro, trends_sections(r, settings, lang)),
        TopicResults::Seasonality(r) => (T::SeasonalityIntro, seasonality_sections(r, lang)),
        TopicResults::Weekend(r) => (T::WeekendIntro, weekend_sections(r, lang)),
        TopicResults::Ratings(r) => (T::RatingsIntro, ratings_sections(r, lang)),
    };
    let mut body = format!(
        "<h1>{}</h1><p>{}</p>{}",
        escape(&title),
        escape(intro.get(lang)),
        controls(settings, lang, limits)
    );
    for section in &sections {
        body.push_str(&render_section(section, page, lang, &lang_query));
    }
    (title, body)
}

fn metric_findings<'a>(findings: &'a [Finding], metrics: &[Metric]) -> Vec<&'a Finding> {
    findings
        .iter()
        .filter(|f| match f {
            Finding::Trend { what, .. } | Finding::GroupDifference { what, .. } => {
                metrics.iter().any(|m| m.column() == what)
            }
            _ => false,
        })
        .collect()
}

const COMPLEXITY: [Metric; 3] = [Metric::Complexity, Metric::Steps, Metric::Ingredients];
const NUTRITION: [Metric; 4] = [
    Metric::Calories,
    Metric::Carbohydrates,
    Metric::TotalFat,
    Metric::Protein,
];

fn trends_sections<'a>(r: &'a TrendsResults, settings: &Settings, lang: Lang) -> Vec<Section<'a>> {
    let total: usize = r.volume.counts.iter().sum();
    let minutes = &r.yearly.trends[Metric::Minutes.index()];
    let mut minute_kpis = Vec::new();
    if let (Some(mean), Some(median)) = (minutes.mean.last(), minutes.median.last()) {
        minute_kpis.push((
            format!(
                "{} {}",
                Msg::Mean.text(lang),
                minutes.years.last().copied().unwrap_or_default()
            ),
            format!("{mean:.1} min"),
        ));
        minute_kpis.push((
            Msg::Median.text(lang).to_string(),
            format!("{median:.1} min"),
        ));
    }
    if let Some(fit) = &minutes.wls_mean {
        minute_kpis.push((
            "WLS".to_string(),
            format!(
                "{:+.3} min/{}",
                fit.slope,
                Msg::Year.text(lang).to_lowercase()
            ),
        ));
    }
    vec![
        Section {
            id: "volume",
            title: T::SecVolume,
            charts: vec![trends::recipe_volume_chart(
                &r.volume,
                lang,
                settings.show_values,
            )],
            findings: r.volume.findings.iter().collect(),
            kpis: vec![
                (
                    Msg::Year.text(lang).to_string(),
                    r.volume.years.len().to_string(),
                ),
                (
                    Msg::Recipes.text(lang).to_string(),
                    thousands(total as u64, lang),
                ),
            ],
            analysis: "volume",
        },
        Section {
            id: "minutes",
            title: T::SecMinutes,
            charts: vec![trends::yearly_metric_chart(
                minutes,
                settings.band.quantiles(),
                lang,
                settings.bubbles,
            )],
            findings: metric_findings(&r.yearly.findings, &[Metric::Minutes]),
            kpis: minute_kpis,
            analysis: "yearly",
        },
        Section {
            id: "complexity",
            title: T::SecComplexity,
            charts: vec![trends::yearly_panels_chart(&r.yearly, &COMPLEXITY, 3, lang)],
            findings: metric_findings(&r.yearly.findings, &COMPLEXITY),
            kpis: vec![],
            analysis: "yearly",
        },
        Section {
            id: "nutrition",
            title: T::SecNutrition,
            charts: vec![trends::yearly_panels_chart(&r.yearly, &NUTRITION, 2, lang)],
            findings: metric_findings(&r.yearly.findings, &NUTRITION),
            kpis: vec![],
            analysis: "yearly",
        },
        Section {
            id: "ingredients",
            title: T::SecIngredients,
            charts: vec![trends::item_trends_chart(&r.ingredients, lang, 5)],
            findings: r.ingredients.findings.iter().collect(),
            kpis: vec![],
            analysis: "ingredients",
        },
        Section {
            id: "tags",
            title: T::SecTags,
            charts: vec![trends::item_trends_chart(&r.tags, lang, 5)],
            findings: r.tags.findings.iter().collect(),
            kpis: vec![],
            analysis: "tags",
        },
    ]
}

fn seasonality_sections(r: &SeasonalityResults, lang: Lang) -> Vec<Section<'_>> {
    let nutrients: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| m.is_nutrient())
        .collect();
    vec![
        Section {
            id: "volume",
            title: T::SecVolume,
            charts: vec![seasonality::season_volume_chart(&r.volume, lang)],
            findings: r.volume.findings.iter().collect(),
            kpis: vec![],
            analysis: "volume",
        },
        Section {
            id: "minutes",
            title: T::SecMinutes,
            charts: vec![seasonality::seasonal_metric_chart(
                &r.metrics,
                Metric::Minutes,
                lang,
            )],
            findings: metric_findings(&r.metrics.findings, &[Metric::Minutes]),
            kpis: vec![],
            analysis: "metrics",
        },
        Section {
            id: "complexity",
            title: T::SecComplexity,
            charts: vec![seasonality::seasonal_means_chart(
                &r.metrics,
                &COMPLEXITY,
                lang,
            )],
            findings: metric_findings(&r.metrics.findings, &COMPLEXITY),
            kpis: vec![],
            analysis: "metrics",
        },
        Section {
            id: "nutrition",
            title: T::SecNutrition,
            charts: vec![seasonality::nutrient_profile_chart(&r.metrics, lang)],
            findings: metric_findings(&r.metrics.findings, &nutrients),
            kpis: vec![],
            analysis: "metrics",
        },
        Section {
            id: "ingredients",
            title: T::SecIngredients,
            charts: vec![seasonality::seasonal_items_chart(&r.ingredients, lang)],
            findings: r.ingredients.findings.iter().collect(),
            kpis: vec![],
            analysis: "ingredients",
        },
        Section {
            id: "tags",
            title: T::SecTags,
            charts: vec![seasonality::seasonal_items_chart(&r.tags, lang)],
            findings: r.tags.findings.iter().collect(),
            kpis: vec![],
            analysis: "tags",
        },
    ]
}

fn weekend_sections(r: &WeekendResults, lang: Lang) -> Vec<Section<'_>> {
    let nutrients: Vec<Metric> = Metric::ALL
        .into_iter()
        .filter(|m| m.is_nutrient())
        .collect();
    vec![
        Section {
            id: "volume",
            title: T::SecVolume,
            charts: vec![weekend::weekday_volume_chart(&r.volume, lang)],
            findings: r.volume.findings.iter().collect(),
            kpis: vec![(
                format!("{} / {}", Msg::Weekday.text(lang), Msg::Weekend.text(lang)),
                format!("{:.2}", r.volume.weekday_to_weekend_ratio),
            )],
            analysis: "volume",
        },
        Section {
            id: "minutes",
            title: T::SecMinutes,
            charts: vec![weekend::period_metric_chart(
                &r.metrics,
                Metric::Minutes,
                lang,
            )],
            findings: metric_findings(&r.metrics.findings, &[Metric::Minutes]),
            kpis: vec![],
            analysis: "metrics",
        },
        Section {
            id: "complexity",
            title: T::SecComplexity,
            charts: vec![weekend::period_means_chart(&r.metrics, &COMPLEXITY, lang)],
            findings: metric_findings(&r.metrics.findings, &COMPLEXITY),
            kpis: vec![],
            analysis: "metrics",
        },
        Section {
            id: "nutrition",
            title: T::SecNutrition,
            charts: vec![weekend::nutrient_differences_chart(&r.metrics, 0.05, lang)],
            findings: metric_findings(&r.metrics.findings, &nutrients),
            kpis: vec![],
            analysis: "metrics",
        },
        Section {
            id: "ingredients",
            title: T::SecIngredients,
            charts: vec![weekend::period_items_chart(&r.ingredients, lang)],
            findings: r.ingredients.findings.iter().collect(),
            kpis: vec![],
            analysis: "ingredients",
        },
        Section {
            id: "tags",
            title: T::SecTags,
            charts: vec![weekend::period_items_chart(&r.tags, lang)],
            findings: r.tags.findings.iter().collect(),
            kpis: vec![],
            analysis: "tags",
        },
    ]
}

fn ratings_sections(r: &RatingsResults, lang: Lang) -> Vec<Section<'_>> {
    let mut sections = Vec::new();
    let meta = &r.monthly.metadata;
    let monthly_kpis = vec![
        (
            Msg::MonthsCount.text(lang).to_string(),
            format!("{} / {}", meta.months_kept, meta.months_total),
        ),
        (
            T::MinMonthly.get(lang).to_string(),
            thousands(meta.min_ratings, lang),
        ),
    ];
    if let Some(stability) = &r.stability {
        let trend_findings: Vec<&Finding> = stability
            .findings
            .iter()
            .filter(|f| matches!(f, Finding::Trend { .. }))
            .collect();
        let level_findings: Vec<&Finding> = stability
            .findings
            .iter()
            .filter(|f| matches!(f, Finding::Estimate { .. }))
            .collect();
        sections.push(Section {
            id: "weighting",
            title: T::SecWeighting,
            charts: vec![ratings::weighting_chart(&r.monthly, stability, lang)],
            findings: vec![],
            kpis: monthly_kpis,
            analysis: "stability",
        });
        sections.push(Section {
            id: "trend",
            title: T::SecTrend,
            charts: vec![ratings::rating_trend_chart(&r.monthly, stability, lang)],
            findings: trend_findings,
            kpis: vec![],
            analysis: "stability",
        });
        sections.push(Section {
            id: "stability",
            title: T::SecStability,
            charts: vec![ratings::rating_level_chart(&r.monthly, stability, lang)],
            findings: level_findings,
            kpis: vec![(
                Msg::WeightedMean.text(lang).to_string(),
                format!(
                    "{:.4} [{:.4}; {:.4}]",
                    stability.level.weighted_mean, stability.level.ci.0, stability.level.ci.1
                ),
            )],
            analysis: "monthly",
        });
    }
    sections.push(Section {
        id: "seasons",
        title: T::SecSeasons,
        charts: vec![ratings::season_ratings_chart(&r.seasons, lang)],
        findings: r.seasons.findings.iter().collect(),
        kpis: vec![],
        analysis: "seasons",
    });
    sections.push(Section {
        id: "weekdays",
        title: T::SecWeekdays,
        charts: vec![ratings::weekday_ratings_chart(&r.weekdays, lang)],
        findings: r.weekdays.findings.iter().collect(),
        kpis: vec![],
        analysis: "weekdays",
    });
    sections.push(Section {
        id: "ingredient-ratings",
        title: T::SecIngredientRatings,
        charts: vec![
            ratings::ingredient_trends_chart(&r.ingredients, lang),
            ratings::ingredient_seasons_chart(&r.ingredients, 0.05, lang),
        ],
        findings: vec![],
        kpis: vec![(
            T::RatedInteractions.get(lang).to_string(),
            thousands(r.ingredients.ratings_matched, lang),
        )],
        analysis: "ingredients",
    });
    sections
}

fn overview(r: &OverviewResults, lang: Lang, title: &str) -> String {
    let o = &r.overview;
    let period = |p: &Option<(String, String)>| {
        p.as_ref()
            .map(|(a, b)| format!("{a} → {b}"))
            .unwrap_or_else(|| "-".to_string())
    };
    let kpis = [
        (T::RecipesCleaned, thousands(o.recipes as u64, lang)),
        (
            T::RatedInteractions,
            thousands(o.rated_interactions as u64, lang),
        ),
        (T::UnratedReviews, thousands(o.unrated_reviews as u64, lang)),
        (T::Users, thousands(o.users as u64, lang)),
        (T::MeanRating, format!("{:.3}", o.mean_rating)),
        (
            T::DistinctIngredients,
            thousands(o.distinct_ingredients as u64, lang),
        ),
        (T::DistinctTags, thousands(o.distinct_tags as u64, lang)),
        (T::RecipePeriod, period(&o.recipe_period)),
        (T::InteractionPeriod, period(&o.interaction_period)),
    ];
    let mut body = format!(
        "<h1>{}</h1><p>{}</p><div class=\"kpis\">",
        escape(title),
        escape(T::OverviewIntro.get(lang))
    );
    for (label, value) in kpis {
        body.push_str(&format!(
            "<div class=\"kpi\"><span>{}</span><b>{}</b></div>",
            escape(label.get(lang)),
            escape(&value)
        ));
    }
    body.push_str(&format!("</div><h2>{}</h2>", T::CleaningReport.get(lang)));
    for table in &r.cleaning_report.tables {
        body.push_str(&format!(
            "<h3>{} <small>({})</small></h3><table><tr><th>{}</th><th>{}</th><th>{}</th></tr>\
             <tr><td>{}</td><td></td><td class=\"n\">{}</td></tr>",
            escape(&table.table),
            escape(&table.source_file),
            T::Step.get(lang),
            T::Reason.get(lang),
            T::Rows.get(lang),
            T::RowsIn.get(lang),
            thousands(table.rows_in as u64, lang)
        ));
        for removal in &table.removals {
            body.push_str(&format!(
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"n\">−{}</td></tr>",
                escape(&removal.rule),
                escape(T::rule(&removal.rule).get(lang)),
                thousands(removal.removed as u64, lang)
            ));
        }
        body.push_str(&format!(
            "<tr><td><b>{}</b></td><td></td><td class=\"n\"><b>{}</b></td></tr></table>",
            T::RowsOut.get(lang),
            thousands(table.rows_out as u64, lang)
        ));
        if !table.notes.is_empty() && lang == Lang::En {
            body.push_str(&format!("<p>{}</p><ul>", T::NotesInJson.get(lang)));
            for note in &table.notes {
                body.push_str(&format!("<li>{}</li>", escape(note)));
            }
            body.push_str("</ul>");
        }
    }
    body.push_str(&format!(
        "<p class=\"data\">{}: <a href=\"/api/overview/overview.json\">JSON</a> · <a href=\"/api/overview/cleaning_report.json\">{}</a></p>",
        T::Data.get(lang),
        T::CleaningReport.get(lang)
    ));
    body
}
