//! Calendar features of a date column: `year`, `month`, `day`, `weekday` (1 = Monday ...
//! 7 = Sunday), `is_weekend` (Saturday or Sunday) and `season` (Winter = Dec-Feb, Spring =
//! Mar-May, Summer = Jun-Aug, Autumn = Sep-Nov; December stays in its own year).

use mangetamain_format::date::{civil_from_days, iso_weekday, Season};
use polars::prelude::*;

/// The calendar feature columns for non-null dates given as days since 1970-01-01.
pub fn calendar_columns(days: &[i32]) -> Vec<Column> {
    let n = days.len();
    let (mut year, mut month, mut day) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let (mut weekday, mut weekend, mut season) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    for &d in days {
        let (y, m, dd) = civil_from_days(d);
        let w = iso_weekday(d);
        year.push(y);
        month.push(m as i32);
        day.push(dd as i32);
        weekday.push(i32::from(w));
        weekend.push(w >= 6);
        season.push(Season::of_month(m).name());
    }
    vec![
        Column::new("year".into(), year),
        Column::new("month".into(), month),
        Column::new("day".into(), day),
        Column::new("weekday".into(), weekday),
        Column::new("is_weekend".into(), weekend),
        Column::new("season".into(), season),
    ]
}
