//! Hand-made broken files: each error names the file, the line and the column.

use std::io::Write;

use mangetamain_format::{read_all, FormatError, KaggleFile, RawInteraction, RawRecipe};

fn write_temp(content: &str) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(content.as_bytes()).unwrap();
    file
}

const INTERACTIONS_HEADER: &str = "user_id,recipe_id,date,rating,review\r\n";

#[test]
fn quoted_commas_crlf_and_empty_fields_are_read() {
    let file = write_temp(&format!(
        "{INTERACTIONS_HEADER}1,2,2003-02-17,4,\"a, b\r\nnext line\"\r\n3,4,2004-01-01,0,\r\n"
    ));
    let rows: Vec<RawInteraction> = read_all(file.path(), KaggleFile::RawInteractions).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].review.as_deref(), Some("a, b\r\nnext line"));
    assert_eq!(rows[1].review, None);
    assert_eq!(rows[1].rating, 0);
}

#[test]
fn a_wrong_field_count_names_the_line() {
    let file = write_temp(&format!(
        "{INTERACTIONS_HEADER}1,2,2003-02-17,4,\"multi\nline\"\n1,2,2003-02-17,4\n"
    ));
    let err = read_all::<RawInteraction>(file.path(), KaggleFile::RawInteractions).unwrap_err();
    assert!(matches!(err, FormatError::Csv { line: 4, .. }), "{err}");
}

#[test]
fn a_bad_rating_names_the_line_and_column() {
    let file = write_temp(&format!("{INTERACTIONS_HEADER}1,2,2003-02-17,6,ok\n"));
    let err = read_all::<RawInteraction>(file.path(), KaggleFile::RawInteractions).unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::Field {
                line: 2,
                column: "rating",
                ..
            }
        ),
        "{err}"
    );
    let file = write_temp(&format!("{INTERACTIONS_HEADER}1,x,2003-02-17,5,ok\n"));
    let err = read_all::<RawInteraction>(file.path(), KaggleFile::RawInteractions).unwrap_err();
    assert!(
        matches!(
            err,
            FormatError::Field {
                line: 2,
                column: "recipe_id",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn a_nutrition_list_of_the_wrong_length_is_an_error() {
    let header = "name,id,minutes,contributor_id,submitted,tags,nutrition,n_steps,steps,description,ingredients,n_ingredients\n";
    let good = "x,1,10,5,2005-01-01,\"['a']\",\"[1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]\",1,\"['s']\",,\"['i']\",1\n";
    let bad = "y,2,10,5,2005-01-01,\"['a']\",\"[1.0, 2.0]\",1,\"['s']\",d,\"['i']\",1\n";
    let file = write_temp(&format!("{header}{good}{bad}"));
    let err = read_all::<RawRecipe>(file.path(), KaggleFile::RawRecipes).unwrap_err();
    match err {
        FormatError::Field {
            line,
            column,
            message,
            ..
        } => {
            assert_eq!((line, column), (3, "nutrition"));
            assert!(message.contains("found 2"), "{message}");
        }
        other => panic!("{other}"),
    }
}

#[test]
fn a_missing_file_is_an_io_error_naming_it() {
    let err = read_all::<RawRecipe>("no/such/RAW_recipes.csv".as_ref(), KaggleFile::RawRecipes)
        .unwrap_err();
    assert!(matches!(err, FormatError::Io { .. }));
    assert!(err.to_string().contains("no/such/RAW_recipes.csv"));
}
