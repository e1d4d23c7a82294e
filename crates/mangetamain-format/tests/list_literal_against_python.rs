//! The list-literal parser against CPython's own `repr` (fixture written by
//! `scripts/python_repr_fixture.py`), plus property tests of the round trip.

use mangetamain_format::list_literal::{
    parse_number_list, parse_string_list, python_string_list_repr,
};
use proptest::prelude::*;
use serde::Deserialize;

#[derive(Deserialize)]
struct Fixture {
    string_lists: Vec<StringCase>,
    number_lists: Vec<NumberCase>,
}

#[derive(Deserialize)]
struct StringCase {
    repr: String,
    items: Vec<String>,
}

#[derive(Deserialize)]
struct NumberCase {
    repr: String,
    values: Vec<f64>,
}

fn fixture() -> Fixture {
    let text = include_str!("fixtures/python_repr_lists.json");
    serde_json::from_str(text).expect("fixture is valid JSON")
}

#[test]
fn parses_every_python_repr_of_string_lists() {
    let fixture = fixture();
    assert_eq!(fixture.string_lists.len(), 500);
    for case in &fixture.string_lists {
        assert_eq!(
            parse_string_list(&case.repr).unwrap(),
            case.items,
            "{}",
            case.repr
        );
    }
}

#[test]
fn writes_exactly_what_python_writes() {
    for case in &fixture().string_lists {
        assert_eq!(python_string_list_repr(&case.items), case.repr);
    }
}

#[test]
fn parses_every_python_repr_of_float_lists() {
    for case in &fixture().number_lists {
        let parsed = parse_number_list(&case.repr).unwrap();
        assert_eq!(parsed.len(), case.values.len(), "{}", case.repr);
        for (a, b) in parsed.iter().zip(&case.values) {
            assert_eq!(a.to_bits(), b.to_bits(), "{}", case.repr);
        }
    }
}

proptest! {
    #[test]
    fn repr_then_parse_round_trips(items in proptest::collection::vec(".{0,20}", 0..8)) {
        let text = python_string_list_repr(&items);
        prop_assert_eq!(parse_string_list(&text).unwrap(), items);
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in ".{0,64}") {
        let _ = parse_string_list(&text);
        let _ = parse_number_list(&text);
    }
}
