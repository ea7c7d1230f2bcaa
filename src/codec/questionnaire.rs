//! A questionnaire data file read at run time: a host's own questionnaire, or
//! the built-in one in another language. Same format as
//! `data/questionnaire.en.json`, read by the project's JSON reader (serde_json
//! with the derived deserializer measured 13.6 KiB gzip more in the full
//! build), then held to exactly the rules the built-in one passes
//! (`Questionnaire::validate`). The content hash is computed here, in the
//! browser, and travels with every result.

use std::cell::{Cell, RefCell};

use super::json::{parse, Json, ParseError};
use super::reader::{Invalid, Obj, Path, Problem};
use crate::model::questionnaire::{slug, ValidationError};
use crate::model::responses::truncate_chars;
use crate::model::{Band, Principle, Questionnaire, Statement};

/// The largest questionnaire file read (far above any valid one: ten principles).
pub const MAX_QUESTIONNAIRE_BYTES: usize = 512 * 1024;
/// More items than any valid list has; the validator then names the exact rule.
const MAX_ITEMS: usize = 100;

/// Why a questionnaire file cannot be used. Worded for the host's console by
/// `text::errors`; the visitor sees only that the check could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum QuestionnaireError {
    TooLarge,
    NotJson(ParseError),
    /// Members missing, of the wrong type or not allowed: every one found
    /// (never empty). Reading goes on past each, so a site owner sees them all,
    /// with the content rules broken by the parts that did read (a principle
    /// with a shape problem of its own is not held to them: nothing is said twice).
    Shape(Vec<Invalid>, Vec<ValidationError>),
    /// Content rules broken, all of them (the shape is right).
    Rules(Vec<ValidationError>),
    /// A band without an id whose label `decode_with`'s naming could not make
    /// one from (only the first-load build for a host's questionnaire names
    /// bands by ASCII labels alone; it leaves such a file to the full build).
    UnnamedBand,
    /// A translation whose ids, weights or version differ from the built-in one.
    NotATranslation {
        expected: String,
        found: String,
    },
}

impl From<Invalid> for QuestionnaireError {
    fn from(invalid: Invalid) -> Self {
        Self::Shape(vec![invalid], Vec::new())
    }
}

/// The shape problems met while reading a file: each read that fails is noted
/// and reads on with an empty value, so one pass finds them all.
#[derive(Default)]
struct Problems(RefCell<Vec<Invalid>>);

impl Problems {
    /// What `read` gave, or (noting why not) the empty value.
    fn take<T: Default>(&self, read: Result<T, Invalid>) -> T {
        self.keep(read).unwrap_or_default()
    }

    /// What `read` gave, or (noting why not) nothing.
    fn keep<T>(&self, read: Result<T, Invalid>) -> Option<T> {
        read.map_err(|problem| self.0.borrow_mut().push(problem)).ok()
    }

    /// How many were noted so far: a part read without a new one read cleanly.
    fn count(&self) -> usize {
        self.0.borrow().len()
    }

    /// `value` as an object whose members are all in `known`: each other member
    /// is noted (every one, not only the first) and reading goes on.
    fn object<'a, 'p>(&self, value: &'a Json<'a>, path: Path<'p>, known: &[&str]) -> Option<Obj<'a, 'p>> {
        let object = self.keep(Obj::new(value, path, &[]))?;
        for (key, _) in object.members().iter().filter(|(key, _)| !known.contains(&key.as_ref())) {
            self.0.borrow_mut().push(object.path().invalid(Problem::UnknownField(key.to_string())));
        }
        Some(object)
    }
}

/// Reads and validates a questionnaire file.
pub fn decode(text: &str) -> Result<Questionnaire, QuestionnaireError> {
    decode_with(text, |label| Some(slug(label)))
}

/// [`decode`], a band without an id named `band_id(label)` — or, when that
/// gives nothing, the file refused as [`QuestionnaireError::UnnamedBand`].
pub fn decode_with(text: &str, band_id: fn(&str) -> Option<String>) -> Result<Questionnaire, QuestionnaireError> {
    if text.len() > MAX_QUESTIONNAIRE_BYTES {
        return Err(QuestionnaireError::TooLarge);
    }
    let json = parse(text.strip_prefix('\u{feff}').unwrap_or(text)).map_err(QuestionnaireError::NotJson)?;
    let problems = Problems::default();
    let Some(root) = problems.object(&json, Path::Root, &["id", "version", "locale", "title", "bands", "principles"])
    else {
        return Err(QuestionnaireError::Shape(problems.0.into_inner(), Vec::new()));
    };
    let unnamed = Cell::new(false);
    // In the file's order, so the problems are listed as the owner reads the file.
    let [(id, id_read), (version, _), (locale, _), (title, title_read)] =
        ["id", "version", "locale", "title"].map(|key| {
            let before = problems.count();
            (problems.take(root.str(key)), problems.count() == before)
        });
    let before_bands = problems.count();
    let bands = problems
        .take(list(&root, "bands"))
        .iter()
        .enumerate()
        .filter_map(|(i, band)| {
            let path = Path::Index(&Path::Key(&Path::Root, "bands"), i);
            let band = problems.object(band, path, &["id", "min", "max", "label", "description"])?;
            let bound = |key: &'static str| {
                problems.take(band.uint(key).and_then(|value| {
                    u8::try_from(value)
                        .ok()
                        .filter(|v| *v <= 100)
                        .ok_or_else(|| band.invalid(key, Problem::ScoreOutOfRange(value)))
                }))
            };
            let (id, min, max) = (problems.take(band.opt_str("id")), bound("min"), bound("max"));
            let (label, description) = (problems.take(band.str("label")), problems.take(band.str("description")));
            Some(Band {
                // Hosts' programs read the id: a file without one gets one from its label.
                id: id.map(str::to_owned).or_else(|| band_id(label)).unwrap_or_else(|| {
                    unnamed.set(true);
                    String::new()
                }),
                min,
                max,
                label: label.to_owned(),
                description: description.to_owned(),
            })
        })
        .collect();
    let bands_read = problems.count() == before_bands;
    let before_principles = problems.count();
    // Each principle, and whether it read without a problem of its own.
    let (principles, read_cleanly): (Vec<Principle>, Vec<bool>) = problems
        .take(list(&root, "principles"))
        .iter()
        .enumerate()
        .filter_map(|(i, principle)| {
            let path = Path::Index(&Path::Key(&Path::Root, "principles"), i);
            let before = problems.count();
            let principle = problems.object(
                principle,
                path,
                &["id", "title", "short", "summary", "weight", "statements", "recommendations", "questions"],
            )?;
            let id = problems.take(principle.str("id"));
            let title = problems.take(principle.str("title"));
            // A chart's axis has room for a few words: the title when there is
            // no short one, either cut when too long.
            let short = problems.take(principle.opt_str("short")).unwrap_or(title);
            let short = if short.chars().count() > SHORT_MAX_CHARS {
                format!("{}\u{2026}", truncate_chars(short, SHORT_MAX_CHARS - 1).trim_end())
            } else {
                short.to_owned()
            };
            let summary = problems.take(principle.str("summary"));
            let weight = problems.take(weight(&principle));
            let statements = problems
                .take(list(&principle, "statements"))
                .iter()
                .enumerate()
                .filter_map(|(j, statement)| {
                    let path = Path::Index(&Path::Key(principle.path(), "statements"), j);
                    let statement = problems.object(statement, path, &["id", "text"])?;
                    let (id, text) = (problems.take(statement.str("id")), problems.take(statement.str("text")));
                    Some(Statement { id: id.to_owned(), text: text.to_owned() })
                })
                .collect();
            let principle = Principle {
                id: id.to_owned(),
                title: title.to_owned(),
                short,
                summary: summary.to_owned(),
                weight,
                statements,
                recommendations: problems.take(texts(&principle, "recommendations")),
                questions: problems.take(texts(&principle, "questions")),
            };
            Some((principle, problems.count() == before))
        })
        .unzip();
    let all_principles_read = problems.count() == before_principles;
    let mut questionnaire = Questionnaire {
        id: id.to_owned(),
        version: version.to_owned(),
        locale: locale.to_owned(),
        title: title.to_owned(),
        bands,
        principles,
        content_hash: String::new(),
    };
    let shape = problems.0.into_inner();
    if !shape.is_empty() {
        // The rules too, on what did read, so one pass lists every problem:
        // a part that did not read stands in as one that keeps the rules.
        let mut readable = questionnaire;
        readable.principles = std::mem::take(&mut readable.principles)
            .into_iter()
            .zip(read_cleanly)
            .filter_map(|(principle, read)| read.then_some(principle))
            .collect();
        if !bands_read {
            let stand_in = || "-".to_owned();
            readable.bands =
                vec![Band { id: stand_in(), min: 0, max: 100, label: stand_in(), description: stand_in() }];
        }
        for (text, read) in [(&mut readable.id, id_read), (&mut readable.title, title_read)] {
            if !read {
                "-".clone_into(text);
            }
        }
        let mut rules = readable.validate().err().unwrap_or_default();
        if !all_principles_read {
            rules.retain(|rule| !matches!(rule, ValidationError::WrongPrincipleCount { .. }));
        }
        return Err(QuestionnaireError::Shape(shape, rules));
    }
    if unnamed.get() {
        return Err(QuestionnaireError::UnnamedBand);
    }
    questionnaire.validate().map_err(QuestionnaireError::Rules)?;
    questionnaire.content_hash = questionnaire.compute_content_hash();
    Ok(questionnaire)
}

/// Reads a translation of the built-in questionnaire: valid, and asking the very
/// same questions (same content hash), so results move freely between languages.
pub fn decode_translation(text: &str) -> Result<Questionnaire, QuestionnaireError> {
    let translated = decode(text)?;
    let builtin = crate::model::questionnaire::BUILTIN_CONTENT_HASH;
    if translated.content_hash != builtin {
        return Err(QuestionnaireError::NotATranslation {
            expected: builtin.to_owned(),
            found: translated.content_hash,
        });
    }
    Ok(translated)
}

/// The most characters of a principle's name on a chart's axis.
pub const SHORT_MAX_CHARS: usize = 16;

/// A required, non-empty array member.
fn list<'a>(object: &Obj<'a, '_>, key: &'static str) -> Result<&'a [Json<'a>], Invalid> {
    object.required(key)?;
    object.array(key, MAX_ITEMS)
}

fn texts(object: &Obj<'_, '_>, key: &'static str) -> Result<Vec<String>, Invalid> {
    list(object, key)?
        .iter()
        .enumerate()
        .map(|(i, item)| {
            item.as_str()
                .map(str::to_owned)
                .ok_or_else(|| Path::Index(&Path::Key(object.path(), key), i).invalid(Problem::ExpectedString))
        })
        .collect()
}

/// A principle's weight: a JSON number (validation then requires it positive).
fn weight(principle: &Obj<'_, '_>) -> Result<f64, Invalid> {
    let not_a_number = || principle.invalid("weight", Problem::ExpectedNumber);
    match principle.required("weight")? {
        Json::Int(n) => Ok(*n as f64),
        Json::OtherNumber(text) => exact_decimal(text).ok_or_else(not_a_number),
        _ => Err(not_a_number()),
    }
}

/// A JSON number with at most 15 significant digits and a decimal exponent
/// within ±22, as the nearest `f64` — exactly what `str::parse` gives (the
/// mantissa and the power of ten are both exact doubles, so one division or
/// multiplication rounds correctly). Anything else is `None`. Why not
/// `str::parse`: its general algorithm and tables cost 14.5 KiB gzip of wasm (measured), for
/// weights like `1.5`.
fn exact_decimal(text: &str) -> Option<f64> {
    let (number, exponent) = match text.find(['e', 'E']) {
        Some(at) => (&text[..at], text[at + 1..].trim_start_matches('+').parse::<i32>().ok()?),
        None => (text, 0),
    };
    let (negative, number) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (whole, fraction) = match number.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (number, ""),
    };
    if whole.is_empty() {
        return None;
    }
    let digits = whole.bytes().chain(fraction.bytes());
    let mut mantissa: u64 = 0;
    let mut significant = 0;
    for digit in digits {
        if !digit.is_ascii_digit() {
            return None;
        }
        if mantissa > 0 || digit != b'0' {
            significant += 1;
        }
        mantissa = mantissa * 10 + u64::from(digit - b'0');
        if significant > 15 {
            return None;
        }
    }
    let exponent = exponent.checked_sub(i32::try_from(fraction.len()).ok()?)?;
    const POWERS: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let power = *POWERS.get(usize::try_from(exponent.unsigned_abs()).ok()?)?;
    let value = if exponent < 0 { mantissa as f64 / power } else { mantissa as f64 * power };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::questionnaire::ascii_slug;

    #[test]
    fn the_german_translation_keeps_band_ids_and_has_short_titles() {
        let german = decode_translation(include_str!("../../data/questionnaire.de.json")).unwrap();
        let english = Questionnaire::builtin();
        let ids = |q: &Questionnaire| q.bands.iter().map(|b| b.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&german), ids(&english));
        assert_eq!(ids(&english), ["not-yet-ready", "emerging", "developing", "ready", "partnership-ready"]);
        for (de, en) in german.principles.iter().zip(&english.principles) {
            assert!(!de.short.is_empty() && !en.short.is_empty(), "{}", en.id);
            let fits = |short: &str| short.chars().count() <= SHORT_MAX_CHARS;
            assert!(fits(&de.short) && fits(&en.short), "fits an axis: {} / {}", en.short, de.short);
        }
        // A file without ids and short titles still works: made from label and title.
        let text = include_str!("../../data/questionnaire.en.json")
            .replace("\"id\": \"partnership-ready\",", "")
            .replace("\"short\": \"Objectives\",", "");
        let plain = decode(&text).unwrap();
        assert_eq!(plain.bands[4].id, "partnership-ready", "from the label “Partnership-ready”");
        assert_eq!(plain.principles[0].short, "Clear objectives");
        let long = include_str!("../../data/questionnaire.en.json").replace("\"short\": \"Values\",", "");
        assert_eq!(decode(&long).unwrap().principles[1].short, "Aligned values\u{2026}");
    }

    #[test]
    fn decimal_weights_read_exactly_as_the_standard_parser_reads_them() {
        for text in [
            "1.0",
            "1.5",
            "0.1",
            "0.3",
            "2.25",
            "-1.5",
            "1e3",
            "1E-2",
            "1.5e+2",
            "0.000001",
            "123456789012345",
            "0.123456789012345",
            "9.99e-8",
            "1e22",
            "7e-22",
            "0.0",
            "-0.0",
            "00.5",
        ] {
            let expected: f64 = text.parse().unwrap();
            assert_eq!(exact_decimal(text).map(f64::to_bits), Some(expected.to_bits()), "{text}");
        }
        // More precision or range than one exact division gives: refused, never misread.
        for text in [
            "1.0000000000000001",
            "1234567890123456",
            "1e23",
            "1e-23",
            "1.5x",
            "",
            "e5",
            "1e",
            "--1",
            "1.2.3",
            "1.",
            ".5",
        ] {
            assert_eq!(exact_decimal(text), None, "{text}");
        }
    }

    const ENGLISH: &str = include_str!("../../data/questionnaire.en.json");

    #[test]
    fn a_band_without_an_id_is_named_by_the_naming_given_or_refused() {
        let unnamed = ENGLISH.replacen("\"id\": \"not-yet-ready\",", "", 1);
        assert_eq!(decode(&unnamed).map(|q| q.bands[0].id.clone()), Ok("not-yet-ready".to_owned()));
        assert_eq!(decode_with(&unnamed, ascii_slug).map(|q| q.bands[0].id.clone()), Ok("not-yet-ready".to_owned()));
        // A label only the Unicode-aware naming can name: the first-load build leaves it to the full build.
        let german = unnamed.replacen("\"label\": \"Not yet ready\"", "\"label\": \"Noch nicht bereit für mehr\"", 1);
        assert_eq!(decode_with(&german, ascii_slug), Err(QuestionnaireError::UnnamedBand));
        assert_eq!(decode(&german).map(|q| q.bands[0].id.clone()), Ok("noch-nicht-bereit-für-mehr".to_owned()));
    }

    #[test]
    fn the_built_in_data_file_reads_as_the_built_in_questionnaire() {
        assert_eq!(decode(ENGLISH), Ok(Questionnaire::builtin()));
        assert_eq!(decode_translation(ENGLISH).map(|q| q.content_hash), Ok(Questionnaire::builtin().content_hash));
    }

    #[test]
    fn every_translation_asks_the_same_questions() {
        for file in std::fs::read_dir("data").unwrap() {
            let path = file.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let translated = decode_translation(&text).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            let english = Questionnaire::builtin();
            assert_eq!(translated.principles.len(), english.principles.len());
            for (t, e) in translated.principles.iter().zip(&english.principles) {
                assert_eq!(
                    (t.recommendations.len(), t.questions.len()),
                    (e.recommendations.len(), e.questions.len()),
                    "{}: {}",
                    path.display(),
                    t.id
                );
            }
            assert_eq!(
                translated.bands.iter().map(|b| (b.min, b.max)).collect::<Vec<_>>(),
                [(0, 39), (40, 59), (60, 74), (75, 89), (90, 100)]
            );
        }
    }

    #[test]
    fn a_broken_file_says_what_is_wrong_as_data() {
        assert_eq!(
            decode("[]"),
            Err(QuestionnaireError::Shape(vec![Invalid::at("", Problem::ExpectedObject)], Vec::new()))
        );
        assert!(matches!(decode("{\"id\":"), Err(QuestionnaireError::NotJson(_))));
        assert_eq!(
            decode(&ENGLISH.replacen("\"weight\": 1.0", "\"weight\": \"heavy\"", 1)),
            Err(QuestionnaireError::Shape(
                vec![Invalid::at("principles[0].weight", Problem::ExpectedNumber)],
                Vec::new()
            ))
        );
        assert!(matches!(
            decode(&ENGLISH.replacen("\"weight\": 1.0", "\"weight\": 0", 1)),
            Err(QuestionnaireError::Rules(rules)) if rules.len() == 1
        ));
        let other = ENGLISH.replacen("\"version\": \"1.0.0\"", "\"version\": \"2.0.0\"", 1);
        assert!(decode(&other).is_ok(), "a valid questionnaire of its own");
        assert!(matches!(decode_translation(&other), Err(QuestionnaireError::NotATranslation { .. })));
        assert_eq!(decode(&" ".repeat(MAX_QUESTIONNAIRE_BYTES + 1)), Err(QuestionnaireError::TooLarge));
    }

    #[test]
    fn one_reading_finds_the_shape_problems_and_the_rules_the_rest_breaks() {
        let principle = |i: usize| Questionnaire::builtin().principles[i].id.clone();
        let (first, second, third, fourth) = (principle(0), principle(1), principle(2), principle(3));
        let broken = ENGLISH
            // Two members no file has, at the top and in a statement.
            .replacen("\"version\": \"1.0.0\",", "\"version\": 7, \"extra\": true,", 1)
            .replacen("\"text\":", "\"note\": 1, \"text\":", 1)
            // Rules: the second principle takes the third one's id, the fourth weighs less than nothing.
            .replacen(&format!("\"id\": \"{second}\""), &format!("\"id\": \"{third}\""), 1);
        let fourth_weight = broken.match_indices("\"weight\": 1.0").nth(3).map(|(at, _)| at).expect("a fourth weight");
        let broken = format!("{}\"weight\": -1{}", &broken[..fourth_weight], &broken[fourth_weight + 13..]);
        let Err(QuestionnaireError::Shape(shape, rules)) = decode(&broken) else {
            panic!("not refused for its shape: {:?}", decode(&broken).map(|q| q.id));
        };
        assert_eq!(
            shape,
            [
                Invalid::at("", Problem::UnknownField("extra".into())),
                Invalid::at("version", Problem::ExpectedString),
                Invalid::at("principles[0].statements[0]", Problem::UnknownField("note".into())),
            ],
            "every member of the wrong shape or not allowed, reading on past each"
        );
        let said: Vec<String> = rules.iter().map(ToString::to_string).collect();
        assert!(said.contains(&format!("id {third} is used more than once")), "{said:?}");
        assert!(said.iter().any(|rule| rule.contains(&fourth) && rule.contains("weight")), "{said:?}");
        // The first principle, whose statement did not read, is not held to the
        // rules (nor is the count of principles then): nothing is said twice.
        assert!(!said.iter().any(|rule| rule.contains(&first)), "{said:?}");
        assert!(!said.iter().any(|rule| rule.contains("principles")), "{said:?}");
    }
}
