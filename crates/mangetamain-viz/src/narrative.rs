//! Sentences in English or French written from the analyses' typed findings, so that no text
//! can contradict its numbers (the reference app's fixed texts did, reference-app.md 6.1 item 6):
//! direction, significance after correction and effect size all come from the finding.

use mangetamain_analyses::findings::{Direction, EffectClass, EffectMeasure, Finding};
use mangetamain_analyses::metric::Metric;

use crate::i18n::{group_label, metric_name, Lang, Msg};
use crate::theme::format_p;

/// The label of a finding's subject (`what`), translated. Subjects are metric columns or the
/// phrases the analyses use; an unknown subject is returned unchanged.
pub fn subject(what: &str, lang: Lang) -> String {
    if let Some(metric) = Metric::ALL.iter().find(|m| m.column() == what) {
        return metric_name(*metric, lang).to_string();
    }
    let key = match what {
        "recipes per year" => Msg::SubjectRecipesPerYear,
        "recipes per season" => Msg::SubjectRecipesPerSeason,
        "recipes per day of week" => Msg::SubjectRecipesPerDayOfWeek,
        "recipes per period" => Msg::SubjectRecipesPerPeriod,
        "recipes per weekday" => Msg::SubjectRecipesPerWeekday,
        "mean rating" => Msg::SubjectMeanRating,
        "mean rating per weekday" => Msg::SubjectMeanRatingPerWeekday,
        "weighted mean of monthly mean ratings" => Msg::SubjectWeightedMean,
        "ingredients diversity (distinct)" => Msg::SubjectIngredientDiversityDistinct,
        "ingredients diversity (rarefied)" => Msg::SubjectIngredientDiversityRarefied,
        "tags diversity (distinct)" => Msg::SubjectTagDiversityDistinct,
        "tags diversity (rarefied)" => Msg::SubjectTagDiversityRarefied,
        "ingredients" => Msg::SubjectIngredients,
        "tags" => Msg::SubjectTags,
        "ingredients with a significant change" => Msg::SubjectIngredientsChanged,
        "tags with a significant change" => Msg::SubjectTagsChanged,
        "ingredients tested" => Msg::SubjectIngredientsTested,
        "tags tested" => Msg::SubjectTagsTested,
        "seasonal ingredients (kept and significant)" => Msg::SubjectSeasonalIngredients,
        "seasonal tags (kept and significant)" => Msg::SubjectSeasonalTags,
        "ingredients leaning to a period" => Msg::SubjectIngredientsLeaning,
        "tags leaning to a period" => Msg::SubjectTagsLeaning,
        other => return other.to_string(),
    };
    key.text(lang).to_string()
}

fn class_name(class: EffectClass, lang: Lang) -> &'static str {
    match class {
        EffectClass::Negligible => Msg::Negligible,
        EffectClass::Small => Msg::Small,
        EffectClass::Medium => Msg::Medium,
        EffectClass::Large => Msg::Large,
    }
    .text(lang)
}

fn measure_name(measure: EffectMeasure) -> &'static str {
    match measure {
        EffectMeasure::CohensD => "d",
        EffectMeasure::RankBiserial => "r",
        EffectMeasure::EtaSquared => "η²",
        EffectMeasure::EpsilonSquared => "ε²",
        EffectMeasure::CramersV => "V",
        EffectMeasure::CohensW => "w",
    }
}

/// A number for a sentence: 4 significant digits at most.
fn number(value: f64) -> String {
    if !value.is_finite() {
        return "n/a".to_string();
    }
    let magnitude = value.abs();
    if magnitude >= 1000.0 {
        format!("{value:.0}")
    } else if magnitude >= 10.0 {
        format!("{value:.1}")
    } else if magnitude >= 0.1 {
        format!("{value:.3}")
    } else {
        format!("{value:.4}")
    }
}

fn place(name: &str, lang: Lang) -> String {
    match name {
        "last years" => Msg::LastYears.text(lang).to_string(),
        "first years" => Msg::FirstYears.text(lang).to_string(),
        other => group_label(other, lang),
    }
}

/// The sentence of one finding.
pub fn sentence(finding: &Finding, lang: Lang) -> String {
    match finding {
        Finding::Peak { what, at, value } => Msg::PeakSentence.fill(
            lang,
            &[&subject(what, lang), &place(at, lang), &number(*value)],
        ),
        Finding::Trend {
            what,
            direction,
            slope_per_year,
            p_adjusted,
            r_squared,
        } => {
            let what = subject(what, lang);
            let slope = format!("{slope_per_year:+.4}");
            match direction {
                Direction::Up | Direction::Down => {
                    let key = if *direction == Direction::Up {
                        Msg::TrendUp
                    } else {
                        Msg::TrendDown
                    };
                    key.fill(
                        lang,
                        &[
                            &what,
                            &slope,
                            &format_p(*p_adjusted),
                            &format!("{r_squared:.3}"),
                        ],
                    )
                }
                Direction::Flat => {
                    Msg::TrendFlat.fill(lang, &[&what, &slope, &format_p(*p_adjusted)])
                }
            }
        }
        Finding::Normality { what, r_squared } => {
            let verdict = if *r_squared > 0.95 {
                Msg::NearNormal
            } else if *r_squared > 0.90 {
                Msg::SlightlyNonNormal
            } else {
                Msg::NonNormal
            };
            Msg::NormalitySentence.fill(
                lang,
                &[
                    &subject(what, lang),
                    &format!("{r_squared:.3}"),
                    verdict.text(lang),
                ],
            )
        }
        Finding::GroupDifference {
            what,
            highest,
            highest_value,
            lowest,
            lowest_value,
            p_adjusted,
            significant,
            effect,
        } => {
            if *significant {
                Msg::DifferenceSignificant.fill(
                    lang,
                    &[
                        &subject(what, lang),
                        &place(highest, lang),
                        &number(*highest_value),
                        &place(lowest, lang),
                        &number(*lowest_value),
                        &format_p(*p_adjusted),
                        class_name(effect.class, lang),
                        measure_name(effect.measure),
                        &format!("{:.4}", effect.value),
                    ],
                )
            } else {
                Msg::DifferenceNotSignificant.fill(
                    lang,
                    &[
                        &subject(what, lang),
                        &format_p(*p_adjusted),
                        &place(highest, lang),
                        &number(*highest_value),
                        &place(lowest, lang),
                        &number(*lowest_value),
                    ],
                )
            }
        }
        Finding::Deviation {
            what,
            group,
            observed,
            expected,
        } => Msg::DeviationSentence.fill(
            lang,
            &[
                &subject(what, lang),
                &place(group, lang),
                &number(*observed),
                &number(*expected),
                &format!("{:+.1}", 100.0 * (observed - expected) / expected),
            ],
        ),
        Finding::ItemShift {
            what,
            item,
            towards,
            delta_points,
            p_adjusted,
        } => Msg::ShiftSentence.fill(
            lang,
            &[
                &subject(what, lang),
                item,
                &place(towards, lang),
                &format!("{delta_points:.2}"),
                &format_p(*p_adjusted),
            ],
        ),
        Finding::Estimate { what, value, ci } => Msg::EstimateSentence.fill(
            lang,
            &[
                &subject(what, lang),
                &format!("{value:.4}"),
                &format!("{:.4}", ci.0),
                &format!("{:.4}", ci.1),
            ],
        ),
        Finding::Count { what, value } => {
            Msg::CountSentence.fill(lang, &[&subject(what, lang), &value.to_string()])
        }
    }
}
