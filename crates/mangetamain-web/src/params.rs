//! Query parameters of the pages and the data API, validated strictly: an unknown parameter, a
//! malformed value or a value out of range is a 400 with a message that says what is accepted.

use std::collections::BTreeMap;

use mangetamain_viz::Lang;

/// A page of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    /// Key figures and the cleaning report.
    Overview,
    /// 2.A.
    Trends,
    /// 2.B.
    Seasonality,
    /// 2.C.
    Weekend,
    /// 2.D and the rating notebooks.
    Ratings,
}

impl Page {
    /// Every page, in navigation order.
    pub const ALL: [Page; 5] = [
        Page::Overview,
        Page::Trends,
        Page::Seasonality,
        Page::Weekend,
        Page::Ratings,
    ];

    /// The URL path.
    pub fn path(self) -> &'static str {
        match self {
            Page::Overview => "/",
            Page::Trends => "/trends",
            Page::Seasonality => "/seasonality",
            Page::Weekend => "/weekend",
            Page::Ratings => "/ratings",
        }
    }

    /// The name used in API paths.
    pub fn slug(self) -> &'static str {
        match self {
            Page::Overview => "overview",
            Page::Trends => "trends",
            Page::Seasonality => "seasonality",
            Page::Weekend => "weekend",
            Page::Ratings => "ratings",
        }
    }

    /// The page of an API slug.
    pub fn from_slug(slug: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.slug() == slug)
    }

    /// The parameters the page accepts besides `lang`.
    fn accepted(self) -> &'static [&'static str] {
        match self {
            Page::Overview => &[],
            Page::Trends => &["from", "to", "values", "bubbles", "band", "top"],
            Page::Seasonality | Page::Weekend => &["from", "to", "top"],
            Page::Ratings => &["from", "to", "population", "min_monthly", "ingredients"],
        }
    }
}

/// Dispersion band of the yearly preparation-time chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Band {
    /// Q25-Q75.
    Iqr,
    /// Q10-Q90.
    Q10,
    /// Q5-Q95.
    Q05,
    /// Q33-Q66.
    Q33,
}

impl Band {
    /// The quantiles.
    pub fn quantiles(self) -> (f64, f64) {
        match self {
            Band::Iqr => (0.25, 0.75),
            Band::Q10 => (0.10, 0.90),
            Band::Q05 => (0.05, 0.95),
            Band::Q33 => (0.33, 0.66),
        }
    }

    /// The query value.
    pub fn code(self) -> &'static str {
        match self {
            Band::Iqr => "iqr",
            Band::Q10 => "q10",
            Band::Q05 => "q05",
            Band::Q33 => "q33",
        }
    }

    /// Every band.
    pub const ALL: [Band; 4] = [Band::Iqr, Band::Q10, Band::Q05, Band::Q33];
}

/// The analysis settings of a page (everything but the language): the cache key of results.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Settings {
    /// The page.
    pub page: Page,
    /// Inclusive year range (None = the whole dataset).
    pub years: Option<(i32, i32)>,
    /// Value labels on the volume chart.
    pub show_values: bool,
    /// Bubbles on the yearly charts.
    pub bubbles: bool,
    /// Dispersion band.
    pub band: Band,
    /// Items per list (None = the analysis default).
    pub top: Option<usize>,
    /// Train split instead of every rating.
    pub train: bool,
    /// Minimum ratings per month.
    pub min_monthly: u64,
    /// Ingredients of the ingredient-rating analysis (None = the reference seasonal list).
    pub ingredients: Option<Vec<String>>,
}

impl Settings {
    /// The same settings with the switches that only change how charts are drawn (value labels,
    /// bubbles) at their defaults: what the analyses' results depend on.
    pub fn without_display_switches(&self) -> Settings {
        let defaults = Settings::defaults(self.page);
        Settings {
            show_values: defaults.show_values,
            bubbles: defaults.bubbles,
            ..self.clone()
        }
    }

    /// The defaults of a page.
    pub fn defaults(page: Page) -> Settings {
        Settings {
            page,
            years: None,
            show_values: true,
            bubbles: true,
            band: Band::Iqr,
            top: None,
            train: false,
            min_monthly: 100,
            ingredients: None,
        }
    }

    /// The query string that reproduces these settings (without `lang`), "" for the defaults.
    pub fn query(&self) -> String {
        let defaults = Settings::defaults(self.page);
        let mut parts = Vec::new();
        if let Some((from, to)) = self.years {
            parts.push(format!("from={from}&to={to}"));
        }
        if self.show_values != defaults.show_values {
            parts.push("values=off".to_string());
        }
        if self.bubbles != defaults.bubbles {
            parts.push("bubbles=off".to_string());
        }
        if self.band != defaults.band {
            parts.push(format!("band={}", self.band.code()));
        }
        if let Some(top) = self.top {
            parts.push(format!("top={top}"));
        }
        if self.train {
            parts.push("population=train".to_string());
        }
        if self.min_monthly != defaults.min_monthly {
            parts.push(format!("min_monthly={}", self.min_monthly));
        }
        if let Some(list) = &self.ingredients {
            parts.push(format!("ingredients={}", encode(&list.join(","))));
        }
        parts.join("&")
    }
}

/// Percent-encodes a query value.
pub fn encode(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// What the dataset allows, for validation.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// First and last year with recipes or ratings.
    pub years: (i32, i32),
    /// Whether the train split is available.
    pub has_train: bool,
}

/// Parses the language and the settings of `page` from decoded query pairs.
pub fn parse(
    page: Page,
    pairs: &[(String, String)],
    limits: &Limits,
) -> Result<(Lang, Settings), String> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, value) in pairs {
        if key != "lang" && !page.accepted().contains(&key.as_str()) {
            let accepted: Vec<&str> = std::iter::once("lang")
                .chain(page.accepted().iter().copied())
                .collect();
            return Err(format!(
                "unknown parameter {key:?} for this page; accepted: {}",
                accepted.join(", ")
            ));
        }
        if seen.insert(key.as_str(), value.as_str()).is_some() {
            return Err(format!("parameter {key:?} is given twice"));
        }
    }
    let lang = match seen.get("lang") {
        None => Lang::En,
        Some(code) => {
            Lang::parse(code).ok_or_else(|| format!("lang must be en or fr, got {code:?}"))?
        }
    };
    let mut settings = Settings::defaults(page);
    let year = |name: &str| -> Result<Option<i32>, String> {
        seen.get(name)
            .map(|v| {
                let year: i32 = v
                    .parse()
                    .map_err(|_| format!("{name} must be a year, got {v:?}"))?;
                if year < limits.years.0 || year > limits.years.1 {
                    return Err(format!(
                        "{name} must be between {} and {}, got {year}",
                        limits.years.0, limits.years.1
                    ));
                }
                Ok(year)
            })
            .transpose()
    };
    match (year("from")?, year("to")?) {
        (None, None) => {}
        (from, to) => {
            let (from, to) = (from.unwrap_or(limits.years.0), to.unwrap_or(limits.years.1));
            if from > to {
                return Err(format!("from ({from}) must not be after to ({to})"));
            }
            if (from, to) != limits.years {
                settings.years = Some((from, to));
            }
        }
    }
    let switch = |name: &str| -> Result<Option<bool>, String> {
        seen.get(name)
            .map(|v| match *v {
                "on" => Ok(true),
                "off" => Ok(false),
                other => Err(format!("{name} must be on or off, got {other:?}")),
            })
            .transpose()
    };
    if let Some(v) = switch("values")? {
        settings.show_values = v;
    }
    if let Some(v) = switch("bubbles")? {
        settings.bubbles = v;
    }
    if let Some(code) = seen.get("band") {
        settings.band = Band::ALL
            .into_iter()
            .find(|b| b.code() == *code)
            .ok_or_else(|| format!("band must be iqr, q10, q05 or q33, got {code:?}"))?;
    }
    if let Some(top) = seen.get("top") {
        let top: usize = top
            .parse()
            .map_err(|_| format!("top must be a whole number, got {top:?}"))?;
        if !(3..=50).contains(&top) {
            return Err(format!("top must be between 3 and 50, got {top}"));
        }
        settings.top = Some(top);
    }
    if let Some(population) = seen.get("population") {
        settings.train = match *population {
            "all" => false,
            "train" if limits.has_train => true,
            "train" => return Err(
                "population=train needs interactions_train.csv, which this dataset does not have"
                    .to_string(),
            ),
            other => return Err(format!("population must be all or train, got {other:?}")),
        };
    }
    if let Some(min) = seen.get("min_monthly") {
        let min: u64 = min
            .parse()
            .map_err(|_| format!("min_monthly must be a whole number, got {min:?}"))?;
        if !(1..=100_000).contains(&min) {
            return Err(format!(
                "min_monthly must be between 1 and 100000, got {min}"
            ));
        }
        settings.min_monthly = min;
    }
    if let Some(list) = seen.get("ingredients") {
        let names: Vec<String> = list
            .split(',')
            .map(|n| n.trim().to_lowercase())
            .filter(|n| !n.is_empty())
            .collect();
        if names.is_empty() || names.len() > 30 {
            return Err(format!(
                "ingredients must list 1 to 30 names separated by commas, got {}",
                names.len()
            ));
        }
        settings.ingredients = Some(names);
    }
    Ok((lang, settings))
}
