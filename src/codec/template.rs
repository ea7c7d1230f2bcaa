//! Texts with `{name}` placeholders, filled in at run time: every interface text
//! that carries a value is such a template (i18n/<language>.json), so word
//! order can differ per language.

/// Replaces each `{name}` in `template` with its value; unknown names and lone
/// braces stay as written. One pass, no intermediate strings.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open + 1..).unwrap_or_default();
        let value = after
            .find('}')
            .and_then(|close| Some((close, values.iter().find(|(name, _)| Some(*name) == after.get(..close))?.1)));
        match value {
            Some((close, value)) => {
                out.push_str(value);
                rest = after.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The `{placeholders}` of a template, sorted (for checking translations).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect();
    names.sort_unstable();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(fill("Principle {n} of {total}", &[("n", "3"), ("total", "10")]), "Principle 3 of 10");
        assert_eq!(fill("{a}{a}{b}", &[("a", "x"), ("b", "y")]), "xxy");
        assert_eq!(fill("{unknown} { {a", &[("a", "x")]), "{unknown} { {a");
        assert_eq!(fill("ä{a}ö", &[("a", "{b}")]), "ä{b}ö", "values are not filled again");
    }

    #[test]
    fn placeholders_are_listed_sorted() {
        assert_eq!(placeholders("{b} and {a}, not { } or {x-y}"), ["a", "b"]);
    }
}
