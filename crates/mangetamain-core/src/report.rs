//! The cleaning report: rows in, rows removed per rule with the reason, rows out, nulls per
//! column, date range, and notes on what parsing changed. Nothing leaves a table uncounted:
//! `rows_in - sum(removed) == rows_out` is checked when a report is built.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

/// Rows removed by one cleaning rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removal {
    /// Short machine name of the rule (`minutes_out_of_range`...).
    pub rule: String,
    /// Human explanation including the parameters used.
    pub reason: String,
    /// Rows this rule removed (rules apply in order; a row is counted by the first rule hit).
    pub removed: usize,
}

/// The report of one cleaned table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableReport {
    /// Name of the cleaned table (`recipes`, `interactions`...).
    pub table: String,
    /// The Kaggle file it comes from.
    pub source_file: String,
    /// Rows read from the file.
    pub rows_in: usize,
    /// Rows removed, per rule, in the order the rules apply.
    pub removals: Vec<Removal>,
    /// Rows in the cleaned table.
    pub rows_out: usize,
    /// Null count of every column of the cleaned table that has nulls.
    pub nulls: BTreeMap<String, usize>,
    /// First and last date (ISO) of the cleaned table's main date column.
    pub date_range: Option<(String, String)>,
    /// Facts noticed on the way that changed no row count (normalised names, mismatched counts).
    pub notes: Vec<String>,
}

impl TableReport {
    /// Total rows removed by all rules.
    pub fn removed(&self) -> usize {
        self.removals.iter().map(|r| r.removed).sum()
    }

    /// Rows removed by the rule named `rule` (0 when the rule did not run).
    pub fn removed_by(&self, rule: &str) -> usize {
        self.removals
            .iter()
            .filter(|r| r.rule == rule)
            .map(|r| r.removed)
            .sum()
    }

    /// Whether the counts add up (`rows_in - removed == rows_out`).
    pub fn is_balanced(&self) -> bool {
        self.rows_in.checked_sub(self.removed()) == Some(self.rows_out)
    }
}

/// The report of a whole dataset load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CleaningReport {
    /// One entry per cleaned table.
    pub tables: Vec<TableReport>,
}

impl CleaningReport {
    /// The report of the table named `table`.
    pub fn table(&self, table: &str) -> Option<&TableReport> {
        self.tables.iter().find(|t| t.table == table)
    }
}

impl fmt::Display for TableReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} (from {})", self.table, self.source_file)?;
        writeln!(f, "  rows in   {:>10}", self.rows_in)?;
        for removal in &self.removals {
            writeln!(
                f,
                "  - {:>10}  {} ({})",
                removal.removed, removal.rule, removal.reason
            )?;
        }
        writeln!(f, "  rows out  {:>10}", self.rows_out)?;
        if let Some((first, last)) = &self.date_range {
            writeln!(f, "  dates     {first} .. {last}")?;
        }
        for (column, nulls) in &self.nulls {
            writeln!(f, "  nulls     {column}: {nulls}")?;
        }
        for note in &self.notes {
            writeln!(f, "  note      {note}")?;
        }
        Ok(())
    }
}

impl fmt::Display for CleaningReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for table in &self.tables {
            write!(f, "{table}")?;
        }
        Ok(())
    }
}
