//! The raw tables of the store (`raw_recipes`, `raw_interactions`, `raw_interactions_train`...),
//! loaded by DuckDB's own parallel CSV reader straight from the Kaggle files.
//!
//! The raw tables keep every row of the files as DuckDB reads them: scalar columns typed
//! (`BIGINT` ids and counts, `DATE` dates, `INTEGER` rating), text fields as text with an empty
//! field as NULL, and the Python-literal list columns (`tags`, `steps`, `ingredients`,
//! `nutrition`) as their literal text. The parsed lists live in the cleaned tables, which our own
//! parser builds; `raw_recipes` adds the seven nutrition values as named `DOUBLE` columns after
//! `nutrition` (NULL when the literal is not a list of 7 numbers). Our parser has read and
//! validated every file before this runs, and the row counts of both readers are compared.

use std::path::Path;

use mangetamain_format::{KaggleFile, NUTRITION_COLUMNS};

/// The DuckDB type of a column of a Kaggle file.
fn sql_type(column: &str) -> &'static str {
    match column {
        "id" | "minutes" | "contributor_id" | "n_steps" | "n_ingredients" | "user_id"
        | "recipe_id" | "u" | "i" => "BIGINT",
        "submitted" | "date" => "DATE",
        "rating" => "INTEGER",
        _ => "VARCHAR",
    }
}

/// The statement that (re)creates `table` from the Kaggle file `file` at `path`.
pub(crate) fn create_statement(table: &str, file: KaggleFile, path: &Path) -> String {
    let quoted_path = path.display().to_string().replace('\'', "''");
    let columns: Vec<String> = file
        .columns()
        .iter()
        .map(|column| format!("'{column}': '{}'", sql_type(column)))
        .collect();
    let mut select = Vec::new();
    for column in file.columns() {
        if sql_type(column) == "VARCHAR" {
            select.push(format!("NULLIF(\"{column}\", '') AS \"{column}\""));
        } else {
            select.push(format!("\"{column}\""));
        }
        if *column == "nutrition" {
            for (index, name) in NUTRITION_COLUMNS.iter().enumerate() {
                select.push(format!(
                    "CASE WHEN len(TRY_CAST(nutrition AS DOUBLE[])) = {n} \
                     THEN TRY_CAST(nutrition AS DOUBLE[])[{position}] END AS \"{name}\"",
                    n = NUTRITION_COLUMNS.len(),
                    position = index + 1,
                ));
            }
        }
    }
    format!(
        "CREATE OR REPLACE TABLE \"{table}\" AS SELECT {} FROM read_csv('{quoted_path}', \
         header = true, delim = ',', quote = '\"', escape = '\"', dateformat = '%Y-%m-%d', \
         auto_detect = false, columns = {{{}}})",
        select.join(", "),
        columns.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_types_columns_and_escapes_the_path() {
        let sql = create_statement(
            "raw_interactions",
            KaggleFile::RawInteractions,
            Path::new("/data/it's/RAW_interactions.csv"),
        );
        assert!(sql.contains("read_csv('/data/it''s/RAW_interactions.csv'"));
        assert!(sql.contains("'user_id': 'BIGINT'"));
        assert!(sql.contains("'date': 'DATE'"));
        assert!(sql.contains("'rating': 'INTEGER'"));
        assert!(sql.contains("NULLIF(\"review\", '') AS \"review\""));
        let recipes = create_statement("raw_recipes", KaggleFile::RawRecipes, Path::new("r.csv"));
        assert!(recipes.contains("END AS \"carb_pct\""));
        assert!(recipes.contains("[7] END AS \"carb_pct\""));
    }
}
