//! Fuzzes the decoding of RAW_recipes rows: arbitrary bytes are split as CSV and every record
//! with the 12 Kaggle columns is decoded; decoding must return a value or an error, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mangetamain_format::{KaggleRecord, RawRecipe};

fuzz_target!(|data: &[u8]| {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut record = csv::ByteRecord::new();
    while let Ok(true) = reader.read_byte_record(&mut record) {
        if record.len() == 12 {
            if let Ok(recipe) = RawRecipe::decode(&record) {
                assert_eq!(recipe.nutrition.len(), 7);
            }
        }
    }
});
