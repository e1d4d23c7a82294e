//! Every reader on the real Kaggle excerpts in `../shared/data/real-samples` (see its README for
//! provenance). Those files are not ours to redistribute, so they are read in place; when the
//! folder is absent the tests print why and pass without checking anything.

use std::path::PathBuf;

use mangetamain_format::date::parse_iso_date;
use mangetamain_format::{
    read_all, FormatError, KaggleFile, PpUser, RawInteraction, RawRecipe, SplitInteraction,
};

fn sample(name: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("MANGETAMAIN_REAL_SAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/real-samples")
        });
    let path = dir.join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!(
            "SKIPPED: real sample {} not found (set MANGETAMAIN_REAL_SAMPLES)",
            path.display()
        );
        None
    }
}

fn rating_histogram(ratings: impl Iterator<Item = u8>) -> [usize; 6] {
    let mut histogram = [0; 6];
    for r in ratings {
        histogram[r as usize] += 1;
    }
    histogram
}

#[test]
fn raw_recipes_random_sample() {
    let Some(path) = sample("amaldre__projet_Kit_Big_Data__data__RAW_recipes_sample.csv") else {
        return;
    };
    let recipes: Vec<RawRecipe> = read_all(&path, KaggleFile::RawRecipes).unwrap();
    assert_eq!(recipes.len(), 1000);
    let first = &recipes[0];
    assert_eq!(
        first.name.as_deref(),
        Some("orange bbq chicken with grilled vegetables")
    );
    assert_eq!(first.id, 388855);
    assert_eq!(first.minutes, 50);
    assert_eq!(first.submitted, Some(parse_iso_date("2009-09-04").unwrap()));
    assert_eq!(first.nutrition, [266.3, 12.0, 61.0, 23.0, 54.0, 7.0, 6.0]);
    assert_eq!(first.tags[0], "60-minutes-or-less");
    // Counts computed with Python's csv + ast.literal_eval on the same file.
    assert_eq!(recipes.iter().map(|r| r.tags.len()).sum::<usize>(), 17660);
    assert_eq!(
        recipes.iter().map(|r| r.ingredients.len()).sum::<usize>(),
        9154
    );
    assert_eq!(recipes.iter().map(|r| r.steps.len()).sum::<usize>(), 9606);
    let with_apostrophe = recipes
        .iter()
        .flat_map(|r| &r.ingredients)
        .filter(|i| i.contains('\''))
        .count();
    assert_eq!(with_apostrophe, 19);
    assert!(recipes.iter().all(|r| r.n_steps as usize == r.steps.len()));
    assert!(recipes
        .iter()
        .all(|r| r.n_ingredients as usize == r.ingredients.len()));
    assert_eq!(
        recipes.iter().filter(|r| r.description.is_none()).count(),
        17
    );
    assert_eq!(recipes.iter().filter(|r| r.minutes > 180).count(), 70);
    assert_eq!(recipes.iter().filter(|r| r.minutes == 0).count(), 5);
    let dates: Vec<i32> = recipes.iter().filter_map(|r| r.submitted).collect();
    assert_eq!(
        dates.iter().min(),
        Some(&parse_iso_date("1999-08-22").unwrap())
    );
    assert_eq!(
        dates.iter().max(),
        Some(&parse_iso_date("2016-07-24").unwrap())
    );
}

#[test]
fn raw_recipes_head_with_crlf_line_ends() {
    let Some(path) = sample("nsakuja__nutritional-semantic-analysis__data__RAW_recipes_sample.csv")
    else {
        return;
    };
    let recipes: Vec<RawRecipe> = read_all(&path, KaggleFile::RawRecipes).unwrap();
    assert_eq!(recipes.len(), 100);
    assert_eq!(
        recipes[0].name.as_deref(),
        Some("arriba   baked winter squash mexican style")
    );
    assert_eq!(recipes[0].id, 137739);
    assert_eq!(recipes[0].nutrition, [51.5, 0.0, 13.0, 0.0, 2.0, 0.0, 4.0]);
    assert_eq!(recipes[99].id, 34930);
}

#[test]
fn raw_interactions_with_embedded_crlf_reviews() {
    let Some(path) = sample("amaldre__projet_Kit_Big_Data__data__RAW_interactions_sample.csv")
    else {
        return;
    };
    let rows: Vec<RawInteraction> = read_all(&path, KaggleFile::RawInteractions).unwrap();
    assert_eq!(rows.len(), 1000);
    assert_eq!(
        rating_histogram(rows.iter().map(|r| r.rating)),
        [49, 14, 16, 44, 173, 704]
    );
    let with_crlf = rows
        .iter()
        .filter(|r| r.review.as_deref().is_some_and(|t| t.contains("\r\n")))
        .count();
    assert_eq!(with_crlf, 49);
    assert_eq!(rows[0].user_id, 1001417);
    assert_eq!(rows[0].date, Some(parse_iso_date("2009-12-09").unwrap()));
}

#[test]
fn raw_interactions_head() {
    let Some(path) =
        sample("nsakuja__nutritional-semantic-analysis__data__RAW_interactions_sample.csv")
    else {
        return;
    };
    let rows: Vec<RawInteraction> = read_all(&path, KaggleFile::RawInteractions).unwrap();
    assert_eq!(rows.len(), 100);
    assert_eq!(
        (rows[0].user_id, rows[0].recipe_id, rows[0].rating),
        (38094, 40893, 4)
    );
    assert_eq!(rows[0].date, Some(parse_iso_date("2003-02-17").unwrap()));
    assert_eq!(
        rating_histogram(rows.iter().map(|r| r.rating)),
        [8, 1, 1, 2, 19, 69]
    );
}

#[test]
fn validation_split_is_read_completely() {
    let Some(path) = sample("snowholt__chefbelle__datasets__interactions_validation.csv") else {
        return;
    };
    let rows: Vec<SplitInteraction> = read_all(&path, KaggleFile::InteractionsValidation).unwrap();
    assert_eq!(rows.len(), 7023);
    // dataset.md: validation ratings 5: 4,263; 4: 1,637; 3: 462; 2: 173; 1: 132; 0: 356.
    assert_eq!(
        rating_histogram(rows.iter().map(|r| r.rating)),
        [356, 132, 173, 462, 1637, 4263]
    );
    let first = &rows[0];
    assert_eq!(
        (first.user_id, first.recipe_id, first.u, first.i),
        (76535, 33627, 5, 177317)
    );
    let dates: Vec<i32> = rows.iter().filter_map(|r| r.date).collect();
    assert_eq!(
        dates.iter().min(),
        Some(&parse_iso_date("2000-12-06").unwrap())
    );
    assert_eq!(
        dates.iter().max(),
        Some(&parse_iso_date("2018-12-11").unwrap())
    );
}

#[test]
fn pp_users_sum_to_the_train_split() {
    let Some(path) = sample("julienvu__projet-mangetamain_last__dataset__PP_users.csv") else {
        return;
    };
    let users: Vec<PpUser> = read_all(&path, KaggleFile::PpUsers).unwrap();
    assert_eq!(users.len(), 25076);
    assert_eq!(users.iter().map(|u| u.n_items).sum::<i64>(), 698_901);
    assert_eq!(
        users.iter().map(|u| u.ratings.len()).sum::<usize>(),
        698_901
    );
    assert!(users.iter().all(|u| u.techniques.len() == 58));
    assert!(users.iter().all(|u| u.items.len() as i64 == u.n_items));
    assert_eq!(users.last().map(|u| u.u), Some(25075));
}

#[test]
fn excel_dates_are_rejected_with_file_line_and_column() {
    let Some(path) = sample("zizgao__BA-820__RAW_interactions.csv") else {
        return;
    };
    let err = read_all::<RawInteraction>(&path, KaggleFile::RawInteractions).unwrap_err();
    match &err {
        FormatError::Field {
            line,
            column,
            value,
            ..
        } => {
            assert_eq!((*line, *column, value.as_str()), (2, "date", "2017/8/18"));
        }
        other => panic!("unexpected error {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains("zizgao__BA-820__RAW_interactions.csv"),
        "{message}"
    );
    assert!(message.contains("line 2, column 'date'"), "{message}");
}

#[test]
fn excel_edited_recipes_are_rejected_on_submitted() {
    let Some(path) = sample("karakolodinsky__recipe-database__datasets__RAW_recipes.csv") else {
        return;
    };
    let err = read_all::<RawRecipe>(&path, KaggleFile::RawRecipes).unwrap_err();
    assert!(
        matches!(&err, FormatError::Field { line: 2, column: "submitted", value, .. } if value == "9/16/2005"),
        "{err}"
    );
}

#[test]
fn rewritten_headers_are_rejected() {
    if let Some(path) = sample("Laxman-Mailari__Mini-Hive__interactions_test.csv") {
        let err = read_all::<SplitInteraction>(&path, KaggleFile::InteractionsTest).unwrap_err();
        assert!(matches!(err, FormatError::Header { .. }), "{err}");
        assert!(err.to_string().contains("user_id INT"), "{err}");
    }
    if let Some(path) = sample("meherunabi__Food_Recommendation_system__RAW_recipes.csv") {
        let err = read_all::<RawRecipe>(&path, KaggleFile::RawRecipes).unwrap_err();
        assert!(matches!(err, FormatError::Header { .. }), "{err}");
    }
}
