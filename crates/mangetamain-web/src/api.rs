//! The data behind every chart, as JSON (the analysis result, serialised) and as CSV (the same
//! numbers in long format: one row per value, with its path in the JSON).

use serde_json::Value;

/// Flattens a JSON value into `path,value` CSV rows (header included).
pub fn to_csv(value: &Value) -> String {
    let mut out = String::from("path,value\n");
    flatten(value, String::new(), &mut out);
    out
}

fn flatten(value: &Value, path: String, out: &mut String) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                let next = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(inner, next, out);
            }
        }
        Value::Array(items) => {
            for (i, inner) in items.iter().enumerate() {
                flatten(inner, format!("{path}[{i}]"), out);
            }
        }
        Value::Null => out.push_str(&format!("{},\n", field(&path))),
        Value::String(s) => out.push_str(&format!("{},{}\n", field(&path), field(s))),
        other => out.push_str(&format!("{},{}\n", field(&path), other)),
    }
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_nested_values_and_quotes_fields() {
        let value = serde_json::json!({"years": [2001, 2002], "name": "a, \"b\"", "fit": null});
        assert_eq!(
            to_csv(&value),
            "path,value\nfit,\nname,\"a, \"\"b\"\"\"\nyears[0],2001\nyears[1],2002\n"
        );
    }
}
