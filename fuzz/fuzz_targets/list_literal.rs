//! Fuzzes the Python list-literal parser: it must never panic, and whatever it accepts as a list
//! of strings must survive a repr -> parse round trip.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mangetamain_format::list_literal::{
    parse_integer_list, parse_integer_list_of_lists, parse_number_list, parse_string_list,
    python_string_list_repr,
};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(items) = parse_string_list(text) {
        let again = parse_string_list(&python_string_list_repr(&items)).expect("repr parses");
        assert_eq!(again, items);
    }
    let _ = parse_number_list(text);
    let _ = parse_integer_list(text);
    let _ = parse_integer_list_of_lists(text);
});
