//! The one normalisation of ingredient and tag names, applied when the files are parsed and to
//! every name a user passes to an analysis, so that "Garlic " and "garlic" are one item
//! everywhere (the reference app lower-cased in one analysis and not in the others).

use std::borrow::Cow;

/// Trims surrounding whitespace and lower-cases; borrows when the name is already normal.
///
/// ```
/// use mangetamain_core::names::normalise_name;
/// assert_eq!(normalise_name("  Olive Oil "), "olive oil");
/// assert!(matches!(normalise_name("salt"), std::borrow::Cow::Borrowed(_)));
/// ```
pub fn normalise_name(name: &str) -> Cow<'_, str> {
    let trimmed = name.trim();
    if trimmed.chars().any(char::is_uppercase) {
        Cow::Owned(trimmed.to_lowercase())
    } else {
        Cow::Borrowed(trimmed)
    }
}
