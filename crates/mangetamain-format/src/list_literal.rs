//! Parser for the Python list literals stored in the Kaggle CSV cells.
//!
//! The Kaggle files were written by pandas from Python lists, so cells such as `tags`, `steps`,
//! `ingredients`, `nutrition`, `techniques`, `items` and `ratings` hold the `repr` of a list:
//! `['a', "it's", 'b\'c']`, `[51.5, 0.0, 13.0]`, `[]`. This module parses that grammar properly
//! (the reference app split on `", "` and corrupted items holding apostrophes or commas).
//!
//! Grammar accepted (a subset of Python's, exactly what `repr(list)` produces, plus tolerance for
//! extra whitespace and a trailing comma):
//!
//! ```text
//! list    := ws '[' ws ( item ws ( ',' ws item ws )* ( ',' ws )? )? ']' ws
//! item    := string | number
//! string  := "'" chars "'" | '"' chars '"'      (backslash escapes: \\ \' \" \n \r \t \xNN \uNNNN \UNNNNNNNN)
//! number  := an integer or float literal (sign, digits, '.', exponent), or inf / nan
//! ```

use std::borrow::Cow;
use std::fmt;

/// Why a list literal could not be parsed; `offset` is the byte offset in the cell text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListLiteralError {
    /// Byte offset, within the cell, where parsing stopped.
    pub offset: usize,
    /// What was expected there.
    pub message: String,
}

impl fmt::Display for ListLiteralError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {} of the cell)", self.message, self.offset)
    }
}

impl std::error::Error for ListLiteralError {}

/// Parses a list of strings, e.g. `['a', "it's"]`. Numbers are not accepted as items.
///
/// ```
/// use mangetamain_format::list_literal::parse_string_list;
/// let items = parse_string_list(r#"['salt', "baker's yeast", 'a, b', 'x\'y']"#).unwrap();
/// assert_eq!(items, vec!["salt", "baker's yeast", "a, b", "x'y"]);
/// assert!(parse_string_list("[]").unwrap().is_empty());
/// ```
pub fn parse_string_list(text: &str) -> Result<Vec<String>, ListLiteralError> {
    Ok(parse_string_list_borrowed(text)?
        .into_iter()
        .map(Cow::into_owned)
        .collect())
}

/// Parses a list of strings as [`parse_string_list`] does, borrowing each item from `text`
/// unless it holds an escape sequence (no allocation per item in the common case).
///
/// ```
/// use std::borrow::Cow;
/// use mangetamain_format::list_literal::parse_string_list_borrowed;
/// let items = parse_string_list_borrowed(r"['salt', 'x\'y']").unwrap();
/// assert!(matches!(items[0], Cow::Borrowed("salt")));
/// assert_eq!(items[1], "x'y");
/// ```
pub fn parse_string_list_borrowed(text: &str) -> Result<Vec<Cow<'_, str>>, ListLiteralError> {
    let mut items = Vec::new();
    parse_list(text, |cursor| {
        items.push(cursor.string()?);
        Ok(())
    })?;
    Ok(items)
}

/// Parses a list of numbers, e.g. `[51.5, 0.0, 13.0]` or `[1, 2, 3]`, as `f64`.
///
/// ```
/// use mangetamain_format::list_literal::parse_number_list;
/// assert_eq!(parse_number_list("[51.5, 0.0, -2e3]").unwrap(), vec![51.5, 0.0, -2000.0]);
/// assert!(parse_number_list("['a']").is_err());
/// ```
pub fn parse_number_list(text: &str) -> Result<Vec<f64>, ListLiteralError> {
    let mut items = Vec::new();
    parse_list(text, |cursor| {
        let value = cursor.number()?;
        items.push(value);
        Ok(())
    })?;
    Ok(items)
}

/// Parses a list of integers, e.g. `[40480, 12, 40481]`, as `i64`; a float item is an error.
///
/// ```
/// use mangetamain_format::list_literal::parse_integer_list;
/// assert_eq!(parse_integer_list("[40480, -3]").unwrap(), vec![40480, -3]);
/// assert!(parse_integer_list("[1.5]").is_err());
/// ```
pub fn parse_integer_list(text: &str) -> Result<Vec<i64>, ListLiteralError> {
    let mut items = Vec::new();
    parse_list(text, |cursor| {
        let value = cursor.integer()?;
        items.push(value);
        Ok(())
    })?;
    Ok(items)
}

/// Writes `items` as Python's `repr(list_of_str)` does: single quotes unless the item holds a
/// single quote and no double quote, backslash escapes for the rest. Used by the synthetic
/// data generator, so generated files are byte-compatible with the Kaggle ones.
///
/// ```
/// use mangetamain_format::list_literal::{python_string_list_repr, parse_string_list};
/// let items = vec!["it's".to_string(), "plain".to_string()];
/// let text = python_string_list_repr(&items);
/// assert_eq!(text, r#"["it's", 'plain']"#);
/// assert_eq!(parse_string_list(&text).unwrap(), items);
/// ```
pub fn python_string_list_repr(items: &[String]) -> String {
    let mut out = String::with_capacity(items.iter().map(|s| s.len() + 4).sum::<usize>() + 2);
    out.push('[');
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            out.push_str(", ");
        }
        push_python_string_repr(&mut out, item);
    }
    out.push(']');
    out
}

/// Appends Python's `repr(s)` of one string to `out`.
fn push_python_string_repr(out: &mut String, item: &str) {
    let quote = if item.contains('\'') && !item.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for ch in item.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// Parses a list of lists of integers, e.g. PP_recipes' `ingredient_tokens` `[[2911, 1019], [1353]]`.
///
/// ```
/// use mangetamain_format::list_literal::parse_integer_list_of_lists;
/// assert_eq!(parse_integer_list_of_lists("[[1, 2], [], [3]]").unwrap(), vec![vec![1, 2], vec![], vec![3]]);
/// ```
pub fn parse_integer_list_of_lists(text: &str) -> Result<Vec<Vec<i64>>, ListLiteralError> {
    let mut items = Vec::new();
    parse_list(text, |cursor| {
        let mut inner = Vec::new();
        list_at(cursor, &mut |cursor| {
            inner.push(cursor.integer()?);
            Ok(())
        })?;
        items.push(inner);
        Ok(())
    })?;
    Ok(items)
}

/// Drives the list grammar over a whole cell, calling `item` once per element with the cursor on
/// its first byte; nothing but whitespace may follow the closing bracket.
fn parse_list<'a>(
    text: &'a str,
    mut item: impl FnMut(&mut Cursor<'a>) -> Result<(), ListLiteralError>,
) -> Result<(), ListLiteralError> {
    let mut cursor = Cursor { text, pos: 0 };
    cursor.skip_whitespace();
    list_at(&mut cursor, &mut item)?;
    cursor.skip_whitespace();
    if cursor.pos != text.len() {
        return Err(cursor.error("unexpected text after the closing ']'"));
    }
    Ok(())
}

/// Parses one list starting at the cursor (which must be on its `[`), leaving the cursor just
/// after its `]`.
fn list_at<'a>(
    cursor: &mut Cursor<'a>,
    item: &mut dyn FnMut(&mut Cursor<'a>) -> Result<(), ListLiteralError>,
) -> Result<(), ListLiteralError> {
    cursor.expect(b'[', "expected '[' at the start of a list")?;
    cursor.skip_whitespace();
    if cursor.peek() == Some(b']') {
        cursor.pos += 1;
    } else {
        loop {
            item(cursor)?;
            cursor.skip_whitespace();
            match cursor.peek() {
                Some(b',') => {
                    cursor.pos += 1;
                    cursor.skip_whitespace();
                    if cursor.peek() == Some(b']') {
                        cursor.pos += 1;
                        break;
                    }
                }
                Some(b']') => {
                    cursor.pos += 1;
                    break;
                }
                _ => return Err(cursor.error("expected ',' or ']' after a list item")),
            }
        }
    }
    Ok(())
}

/// A position in the cell text.
struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn error(&self, message: &str) -> ListLiteralError {
        ListLiteralError {
            offset: self.pos,
            message: message.to_string(),
        }
    }

    fn expect(&mut self, byte: u8, message: &str) -> Result<(), ListLiteralError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Parses one quoted string item, resolving escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, ListLiteralError> {
        let quote = match self.peek() {
            Some(q @ (b'\'' | b'"')) => q,
            _ => return Err(self.error("expected a quoted string item")),
        };
        let start = self.pos;
        self.pos += 1;
        let bytes = self.text.as_bytes();
        // Fast path: no escape before the closing quote.
        let body_start = self.pos;
        while let Some(&b) = bytes.get(self.pos) {
            if b == quote {
                let item = &self.text[body_start..self.pos];
                self.pos += 1;
                return Ok(Cow::Borrowed(item));
            }
            if b == b'\\' {
                break;
            }
            self.pos += 1;
        }
        let mut out = String::from(&self.text[body_start..self.pos]);
        loop {
            let Some(&b) = bytes.get(self.pos) else {
                return Err(ListLiteralError {
                    offset: start,
                    message: "string item is not closed".to_string(),
                });
            };
            if b == quote {
                self.pos += 1;
                return Ok(Cow::Owned(out));
            }
            if b == b'\\' {
                self.pos += 1;
                self.escape(&mut out)?;
                continue;
            }
            // Copy one whole UTF-8 character.
            let ch_len = utf8_len(b);
            let end = (self.pos + ch_len).min(bytes.len());
            out.push_str(&self.text[self.pos..end]);
            self.pos = end;
        }
    }

    /// Resolves the escape sequence after a backslash (the cursor is just past the backslash).
    fn escape(&mut self, out: &mut String) -> Result<(), ListLiteralError> {
        let Some(b) = self.peek() else {
            return Err(self.error("backslash at the end of the cell"));
        };
        self.pos += 1;
        match b {
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'a' => out.push('\u{7}'),
            b'b' => out.push('\u{8}'),
            b'f' => out.push('\u{c}'),
            b'v' => out.push('\u{b}'),
            b'0' => out.push('\0'),
            b'x' => out.push(self.hex_char(2)?),
            b'u' => out.push(self.hex_char(4)?),
            b'U' => out.push(self.hex_char(8)?),
            _ => {
                // Python keeps unknown escapes verbatim (backslash included).
                out.push('\\');
                self.pos -= 1;
                let ch_len = utf8_len(b);
                let end = (self.pos + ch_len).min(self.text.len());
                out.push_str(&self.text[self.pos..end]);
                self.pos = end;
            }
        }
        Ok(())
    }

    fn hex_char(&mut self, digits: usize) -> Result<char, ListLiteralError> {
        let end = self.pos + digits;
        let hex = self
            .text
            .get(self.pos..end)
            .ok_or_else(|| self.error("truncated hexadecimal escape"))?;
        let code =
            u32::from_str_radix(hex, 16).map_err(|_| self.error("invalid hexadecimal escape"))?;
        let ch =
            char::from_u32(code).ok_or_else(|| self.error("escape is not a valid character"))?;
        self.pos = end;
        Ok(ch)
    }

    /// The text of a number token (no interpretation yet).
    fn number_token(&mut self) -> Result<&str, ListLiteralError> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(
                b'0'..=b'9'
                | b'+'
                | b'-'
                | b'.'
                | b'e'
                | b'E'
                | b'a'..=b'd'
                | b'f'..=b'z'
                | b'A'..=b'D'
                | b'F'..=b'Z'
                | b'_',
            )
        ) {
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.error("expected a number item"));
        }
        Ok(&self.text[start..self.pos])
    }

    fn number(&mut self) -> Result<f64, ListLiteralError> {
        let start = self.pos;
        let token = self.number_token()?;
        token.parse::<f64>().map_err(|_| ListLiteralError {
            offset: start,
            message: format!("'{token}' is not a number"),
        })
    }

    fn integer(&mut self) -> Result<i64, ListLiteralError> {
        let start = self.pos;
        let token = self.number_token()?;
        token.parse::<i64>().map_err(|_| ListLiteralError {
            offset: start,
            message: format!("'{token}' is not an integer"),
        })
    }
}

/// Length in bytes of the UTF-8 character whose first byte is `first`.
fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_kaggle_tags_with_apostrophes_in_double_quotes() {
        let text = r#"['60-minutes-or-less', "st-patrick's-day", 'main-ingredient']"#;
        assert_eq!(
            parse_string_list(text).unwrap(),
            vec!["60-minutes-or-less", "st-patrick's-day", "main-ingredient"]
        );
    }

    #[test]
    fn keeps_commas_and_separators_inside_items() {
        let text = r#"['salt, to taste', 'a", "b']"#;
        assert_eq!(
            parse_string_list(text).unwrap(),
            vec!["salt, to taste", "a\", \"b"]
        );
    }

    #[test]
    fn resolves_escapes() {
        let text = r#"['it\'s', "say \"hi\"", 'back\\slash', 'tab\tnew\nline', '\xe9\u00e9']"#;
        assert_eq!(
            parse_string_list(text).unwrap(),
            vec!["it's", "say \"hi\"", "back\\slash", "tab\tnew\nline", "éé"]
        );
    }

    #[test]
    fn keeps_unknown_escapes_verbatim_like_python() {
        assert_eq!(parse_string_list(r"['a\qb']").unwrap(), vec!["a\\qb"]);
    }

    #[test]
    fn empty_list_is_empty_not_one_empty_item() {
        assert!(parse_string_list("[]").unwrap().is_empty());
        assert!(parse_string_list("  [ ]  ").unwrap().is_empty());
        assert_eq!(parse_string_list("['']").unwrap(), vec![""]);
    }

    #[test]
    fn accepts_a_trailing_comma_and_multibyte_text() {
        assert_eq!(
            parse_string_list("['crème brûlée', 'jalapeño',]").unwrap(),
            vec!["crème brûlée", "jalapeño"]
        );
    }

    #[test]
    fn reports_the_offset_of_errors() {
        let err = parse_string_list("['a' 'b']").unwrap_err();
        assert_eq!(err.offset, 5);
        let err = parse_string_list("['a").unwrap_err();
        assert_eq!(err.offset, 1);
        assert!(err.message.contains("not closed"));
        let err = parse_string_list("['a'] x").unwrap_err();
        assert_eq!(err.offset, 6);
        assert!(parse_string_list("a, b").is_err());
        assert!(parse_string_list("").is_err());
        assert!(parse_string_list("[1]").is_err());
    }

    #[test]
    fn parses_numbers_as_python_writes_them() {
        assert_eq!(
            parse_number_list("[51.5, 0.0, 13.0, 0.0, 2.0, 0.0, 4.0]").unwrap(),
            vec![51.5, 0.0, 13.0, 0.0, 2.0, 0.0, 4.0]
        );
        assert_eq!(
            parse_number_list("[434360.2, 1e-05, -3]").unwrap(),
            vec![434360.2, 1e-5, -3.0]
        );
        assert!(parse_number_list("[1.2.3]").is_err());
        assert!(parse_number_list("[1,,2]").is_err());
        assert_eq!(parse_integer_list("[8, 0, 5]").unwrap(), vec![8, 0, 5]);
    }

    #[test]
    fn repr_chooses_quotes_like_python() {
        let items: Vec<String> = ["a'b\"c", "x\\y", "line\nbreak"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        // Python: repr(["a'b\"c", "x\\y", "line\nbreak"])
        assert_eq!(
            python_string_list_repr(&items),
            r#"['a\'b"c', 'x\\y', 'line\nbreak']"#
        );
    }
}
