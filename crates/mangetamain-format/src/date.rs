//! ISO calendar dates (`YYYY-MM-DD`) as days since 1970-01-01, and the calendar arithmetic the
//! rest of the project needs (weekday with 1 = Monday, month, season).
//!
//! Days since the Unix epoch is also the physical representation of polars' and Arrow's `Date`,
//! so a parsed date goes into a frame without conversion.

use std::fmt;

/// A date given in another shape than ISO `YYYY-MM-DD`, or an impossible date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What is wrong with the text.
    pub message: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

/// Parses an ISO date `YYYY-MM-DD` (exactly 10 characters) into days since 1970-01-01.
///
/// ```
/// use mangetamain_format::date::parse_iso_date;
/// assert_eq!(parse_iso_date("1970-01-02").unwrap(), 1);
/// assert_eq!(parse_iso_date("2018-12-04").unwrap(), 17869);
/// assert!(parse_iso_date("2017/8/18").is_err());   // Excel-edited files
/// assert!(parse_iso_date("2018-02-30").is_err());
/// ```
pub fn parse_iso_date(text: &str) -> Result<i32, DateError> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return Err(DateError {
            message: format!("'{text}' is not an ISO date YYYY-MM-DD"),
        });
    }
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0i32, |acc, b| acc * 10 + i32::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month as u32) as i32 {
        return Err(DateError {
            message: format!("'{text}' is not a valid calendar date"),
        });
    }
    Ok(days_from_civil(year, month as u32, day as u32))
}

/// Formats days since 1970-01-01 as ISO `YYYY-MM-DD` (the inverse of [`parse_iso_date`]).
///
/// ```
/// use mangetamain_format::date::format_iso_date;
/// assert_eq!(format_iso_date(17869), "2018-12-04");
/// ```
pub fn format_iso_date(days: i32) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
///
/// ```
/// use mangetamain_format::date::days_from_civil;
/// assert_eq!(days_from_civil(2000, 3, 1), 11017);
/// ```
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a count of days since 1970-01-01.
///
/// ```
/// use mangetamain_format::date::civil_from_days;
/// assert_eq!(civil_from_days(17869), (2018, 12, 4));
/// ```
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// ISO weekday, 1 = Monday ... 7 = Sunday (1970-01-01 was a Thursday).
///
/// ```
/// use mangetamain_format::date::{iso_weekday, days_from_civil};
/// assert_eq!(iso_weekday(days_from_civil(2026, 11, 26)), 4); // a Thursday
/// assert_eq!(iso_weekday(days_from_civil(2026, 11, 29)), 7); // a Sunday
/// ```
pub fn iso_weekday(days: i32) -> u8 {
    ((days + 3).rem_euclid(7) + 1) as u8
}

/// Number of days in a month of a year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        _ => 28,
    }
}

/// Meteorological season of a month, as the reference app defines it: December, January and
/// February are Winter (December is not moved to the next year), March-May Spring, June-August
/// Summer, September-November Autumn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    /// December, January, February.
    Winter,
    /// March, April, May.
    Spring,
    /// June, July, August.
    Summer,
    /// September, October, November.
    Autumn,
}

impl Season {
    /// All seasons in calendar order starting with Winter.
    pub const ALL: [Season; 4] = [
        Season::Winter,
        Season::Spring,
        Season::Summer,
        Season::Autumn,
    ];

    /// The season of a month (1-12).
    ///
    /// ```
    /// use mangetamain_format::date::Season;
    /// assert_eq!(Season::of_month(12), Season::Winter);
    /// assert_eq!(Season::of_month(9), Season::Autumn);
    /// ```
    pub fn of_month(month: u32) -> Season {
        match month {
            12 | 1 | 2 => Season::Winter,
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            _ => Season::Autumn,
        }
    }

    /// The English name used in the data ("Winter", ...).
    pub fn name(self) -> &'static str {
        match self {
            Season::Winter => "Winter",
            Season::Spring => "Spring",
            Season::Summer => "Summer",
            Season::Autumn => "Autumn",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_the_dataset_period() {
        let start = days_from_civil(1999, 1, 1);
        let end = days_from_civil(2019, 12, 31);
        for days in start..=end {
            let (y, m, d) = civil_from_days(days);
            let text = format!("{y:04}-{m:02}-{d:02}");
            assert_eq!(parse_iso_date(&text).unwrap(), days, "{text}");
        }
    }

    #[test]
    fn rejects_other_shapes() {
        for bad in [
            "2/17/2003",
            "2003-2-17",
            "2003-02-17 ",
            "",
            "20030217",
            "2003-13-01",
            "2001-02-29",
        ] {
            assert!(parse_iso_date(bad).is_err(), "{bad}");
        }
        assert!(parse_iso_date("2000-02-29").is_ok());
    }
}
