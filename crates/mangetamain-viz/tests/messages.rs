//! Every message key has both languages, with the same placeholders, and the two texts differ
//! except for the few words that are the same in English and French.

use mangetamain_viz::i18n::{day_name, group_label, Lang, Msg};

/// Texts that are legitimately identical in both languages.
const SAME_IN_BOTH: &[Msg] = &[
    Msg::TagsWord,
    Msg::CaloriesName,
    Msg::ZScore,
    Msg::Date,
    Msg::WlsLine,
];

fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = (0..10)
        .map(|i| format!("{{{i}}}"))
        .filter(|p| text.contains(p.as_str()))
        .collect();
    found.sort();
    found
}

#[test]
fn every_key_is_translated_with_the_same_placeholders() {
    assert!(Msg::ALL.len() > 100);
    for key in Msg::ALL {
        let (en, fr) = (key.text(Lang::En), key.text(Lang::Fr));
        assert!(
            !en.trim().is_empty() && !fr.trim().is_empty(),
            "{key:?} is empty"
        );
        assert_eq!(
            placeholders(en),
            placeholders(fr),
            "{key:?} placeholders differ"
        );
        if !SAME_IN_BOTH.contains(key) {
            assert_ne!(en, fr, "{key:?} is not translated");
        }
        assert!(
            !en.contains('[') && !fr.contains('['),
            "{key:?} looks like a placeholder key"
        );
    }
}

#[test]
fn data_labels_are_translated() {
    assert_eq!(day_name(1, Lang::Fr), "Lundi");
    assert_eq!(day_name(7, Lang::En), "Sunday");
    assert_eq!(day_name(8, Lang::En), "?");
    assert_eq!(group_label("Autumn", Lang::Fr), "Automne");
    assert_eq!(group_label("Weekend", Lang::Fr), "Week-end (sam.-dim.)");
    assert_eq!(group_label("Thursday", Lang::Fr), "Jeudi");
    assert_eq!(group_label("other", Lang::Fr), "other");
    assert_eq!(
        Msg::BandLabel.fill(Lang::Fr, &["25", "75"]),
        "Intervalle Q25-Q75"
    );
    assert_eq!(Lang::parse("fr"), Some(Lang::Fr));
    assert_eq!(Lang::parse("de"), None);
}
