//! The questionnaire: principles, statements, recommendations and readiness bands.
//!
//! The content is data (`data/questionnaire.en.json`), compiled into the binary and
//! parsed once. [`Questionnaire::validate`] states every rule the data must satisfy;
//! a native test runs it on the shipped file so a content edit cannot break the app.

use serde::Deserialize;

use super::canonical::{band_field, fnv1a_64_hex, push_field, recommendations_field, weight_field};

/// The English questionnaire's data file, for tests that read it as JSON.
#[cfg(test)]
const BUILTIN_EN: &str = include_str!("../../data/questionnaire.en.json");

/// The whole questionnaire as authored in the data file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable identifier of this questionnaire, stored with every result.
    pub id: String,
    /// Content version, bumped whenever statements change meaning.
    pub version: String,
    /// Language of the texts (BCP 47 tag).
    pub locale: String,
    pub title: String,
    /// Score ranges with their labels, lowest first, covering 0..=100 without gaps.
    pub bands: Vec<Band>,
    /// The principles in the order they are asked.
    pub principles: Vec<Principle>,
    /// Fingerprint of all of the above (see [`Questionnaire::compute_content_hash`]):
    /// computed when reading JSON, and at build time for the built-in one.
    #[serde(skip)]
    pub content_hash: String,
}

/// One of the ten principles of a strategic partnership.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Principle {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// Relative weight in the overall score; all 1.0 means a plain mean.
    pub weight: f64,
    pub statements: Vec<Statement>,
    /// Advice for an organisation that scores low on this principle.
    pub recommendations: Vec<String>,
}

/// A statement the person rates on the agreement scale.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub id: String,
    pub text: String,
}

/// A readiness band: an inclusive range of whole-number scores and its label.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: u8,
    pub max: u8,
    pub label: String,
    pub description: String,
}

impl Band {
    /// Whether a score, already rounded to a whole number, falls in this band.
    pub fn contains(&self, rounded_score: u8) -> bool {
        (self.min..=self.max).contains(&rounded_score)
    }
}

/// The number of statements each principle must have.
pub const STATEMENTS_PER_PRINCIPLE: usize = 3;
/// The number of principles the article describes.
pub const PRINCIPLE_COUNT: usize = 10;

/// A rule the questionnaire data breaks. Each names the offending item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ValidationError {
    WrongPrincipleCount {
        found: usize,
    },
    WrongStatementCount {
        principle: String,
        found: usize,
    },
    DuplicateId(String),
    EmptyText {
        location: String,
    },
    NonPositiveWeight {
        principle: String,
    },
    WrongRecommendationCount {
        principle: String,
        found: usize,
    },
    /// The bands must start at 0, end at 100 and follow each other without gap or overlap.
    BandsDoNotCoverScale,
    StatementIdOutsidePrinciple {
        statement: String,
        principle: String,
    },
}

impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::WrongPrincipleCount { found } => {
                write!(f, "expected {PRINCIPLE_COUNT} principles, found {found}")
            }
            Self::WrongStatementCount { principle, found } => {
                write!(f, "principle {principle} has {found} statements, expected {STATEMENTS_PER_PRINCIPLE}")
            }
            Self::DuplicateId(id) => write!(f, "id {id} is used more than once"),
            Self::EmptyText { location } => write!(f, "{location} is empty"),
            Self::NonPositiveWeight { principle } => {
                write!(f, "principle {principle} has a weight that is not positive")
            }
            Self::WrongRecommendationCount { principle, found } => {
                write!(f, "principle {principle} has {found} recommendations, expected 2 or 3")
            }
            Self::BandsDoNotCoverScale => {
                write!(f, "bands must cover 0 to 100 in order without gaps or overlaps")
            }
            Self::StatementIdOutsidePrinciple { statement, principle } => {
                write!(f, "statement {statement} does not start with its principle id {principle}")
            }
        }
    }
}

impl Questionnaire {
    /// The built-in English questionnaire, generated from the data file at build
    /// time (see `build.rs`) and validated by a native test.
    pub fn builtin() -> Self {
        mod generated {
            include!(concat!(env!("OUT_DIR"), "/questionnaire_en.rs"));
        }
        use generated::{BANDS, CONTENT_HASH, HEADER, PRINCIPLES};
        let [id, version, locale, title] = HEADER.map(str::to_owned);
        Self {
            id,
            version,
            locale,
            title,
            bands: BANDS
                .iter()
                .map(|&(min, max, label, description)| Band {
                    min,
                    max,
                    label: label.into(),
                    description: description.into(),
                })
                .collect(),
            principles: PRINCIPLES
                .iter()
                .map(|&(id, title, summary, weight, statements, recommendations)| Principle {
                    id: id.into(),
                    title: title.into(),
                    summary: summary.into(),
                    weight,
                    statements: statements
                        .iter()
                        .map(|&(id, text)| Statement { id: id.into(), text: text.into() })
                        .collect(),
                    recommendations: recommendations.iter().map(|&r| r.into()).collect(),
                })
                .collect(),
            content_hash: CONTENT_HASH.to_owned(),
        }
    }

    /// Parses a questionnaire from its JSON form (no validation of content rules).
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        let mut questionnaire: Self = serde_json::from_str(json)?;
        questionnaire.content_hash = questionnaire.compute_content_hash();
        Ok(questionnaire)
    }

    /// A stable fingerprint of the content: FNV-1a (64 bit) over [`Self::canonical_form`].
    /// Whitespace or key order in the data file do not change it; any text does.
    pub fn compute_content_hash(&self) -> String {
        fnv1a_64_hex(self.canonical_form().as_bytes())
    }

    /// Every field in declaration order, each length-prefixed (see
    /// `model::canonical`). `build.rs` walks the data file in the same order; a
    /// test checks that both agree.
    pub fn canonical_form(&self) -> String {
        let mut out = String::new();
        for text in [&self.id, &self.version, &self.locale, &self.title] {
            push_field(&mut out, text);
        }
        for band in &self.bands {
            push_field(&mut out, &band_field(band.min.into(), band.max.into()));
            push_field(&mut out, &band.label);
            push_field(&mut out, &band.description);
        }
        for principle in &self.principles {
            for text in [&principle.id, &principle.title, &principle.summary] {
                push_field(&mut out, text);
            }
            push_field(&mut out, &weight_field(principle.weight));
            for statement in &principle.statements {
                push_field(&mut out, &statement.id);
                push_field(&mut out, &statement.text);
            }
            push_field(&mut out, &recommendations_field(principle.recommendations.len()));
            for text in &principle.recommendations {
                push_field(&mut out, text);
            }
        }
        out
    }

    /// Total number of statements across all principles.
    pub fn statement_count(&self) -> usize {
        self.principles.iter().map(|p| p.statements.len()).sum()
    }

    /// Whether some principle has a statement with this id.
    pub fn has_statement(&self, id: &str) -> bool {
        self.principles.iter().flat_map(|p| &p.statements).any(|s| s.id == id)
    }

    /// Finds a principle's position by id.
    pub fn principle_index(&self, id: &str) -> Option<usize> {
        self.principles.iter().position(|p| p.id == id)
    }

    /// The band a whole-number score falls into.
    pub fn band_for(&self, rounded_score: u8) -> Option<&Band> {
        self.bands.iter().find(|b| b.contains(rounded_score))
    }

    /// Checks every content rule; returns all violations at once.
    pub fn validate(&self) -> Result<(), Vec<ValidationError>> {
        let mut errors = Vec::new();
        let mut seen_ids = std::collections::BTreeSet::new();
        let mut check_id = |id: &str, errors: &mut Vec<ValidationError>| {
            if !seen_ids.insert(id.to_owned()) {
                errors.push(ValidationError::DuplicateId(id.to_owned()));
            }
        };
        let check_text = |text: &str, location: String, errors: &mut Vec<ValidationError>| {
            if text.trim().is_empty() {
                errors.push(ValidationError::EmptyText { location });
            }
        };

        check_text(&self.id, "questionnaire id".into(), &mut errors);
        check_text(&self.title, "questionnaire title".into(), &mut errors);
        if self.principles.len() != PRINCIPLE_COUNT {
            errors.push(ValidationError::WrongPrincipleCount { found: self.principles.len() });
        }
        for principle in &self.principles {
            let pid = &principle.id;
            check_id(pid, &mut errors);
            check_text(pid, "a principle id".into(), &mut errors);
            check_text(&principle.title, format!("title of {pid}"), &mut errors);
            check_text(&principle.summary, format!("summary of {pid}"), &mut errors);
            if !(principle.weight > 0.0 && principle.weight.is_finite()) {
                errors.push(ValidationError::NonPositiveWeight { principle: pid.clone() });
            }
            if principle.statements.len() != STATEMENTS_PER_PRINCIPLE {
                errors.push(ValidationError::WrongStatementCount {
                    principle: pid.clone(),
                    found: principle.statements.len(),
                });
            }
            for statement in &principle.statements {
                check_id(&statement.id, &mut errors);
                check_text(&statement.text, format!("statement {}", statement.id), &mut errors);
                if !statement.id.starts_with(&format!("{pid}.")) {
                    errors.push(ValidationError::StatementIdOutsidePrinciple {
                        statement: statement.id.clone(),
                        principle: pid.clone(),
                    });
                }
            }
            let recommendations = principle.recommendations.len();
            if !(2..=3).contains(&recommendations) {
                errors
                    .push(ValidationError::WrongRecommendationCount { principle: pid.clone(), found: recommendations });
            }
            for (i, text) in principle.recommendations.iter().enumerate() {
                check_text(text, format!("recommendation {} of {pid}", i + 1), &mut errors);
            }
        }
        if !bands_cover_scale(&self.bands) {
            errors.push(ValidationError::BandsDoNotCoverScale);
        }
        for band in &self.bands {
            check_text(&band.label, format!("label of band {}-{}", band.min, band.max), &mut errors);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

fn bands_cover_scale(bands: &[Band]) -> bool {
    let mut next_min: u16 = 0;
    for band in bands {
        if u16::from(band.min) != next_min || band.max < band.min {
            return false;
        }
        next_min = u16::from(band.max) + 1;
    }
    next_min == 101
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_questionnaire_equals_the_data_file() {
        assert_eq!(Questionnaire::builtin(), Questionnaire::from_json(BUILTIN_EN).unwrap());
    }

    #[test]
    fn builtin_questionnaire_is_valid() {
        let q = Questionnaire::builtin();
        assert_eq!(q.validate(), Ok(()));
        assert_eq!(q.statement_count(), 30);
    }

    #[test]
    fn principles_follow_the_article_order() {
        let ids: Vec<_> = Questionnaire::builtin().principles.iter().map(|p| p.id.clone()).collect();
        assert_eq!(
            ids,
            [
                "clear-objectives",
                "aligned-values",
                "complementary-strengths",
                "open-communication",
                "mutual-benefit",
                "personal-relationships",
                "adaptability",
                "clear-governance",
                "relationship-management",
                "celebrating-success",
            ]
        );
    }

    #[test]
    fn bands_match_the_published_ranges() {
        let q = Questionnaire::builtin();
        let ranges: Vec<_> = q.bands.iter().map(|b| (b.min, b.max, b.label.as_str())).collect();
        assert_eq!(
            ranges,
            [
                (0, 39, "Not yet ready"),
                (40, 59, "Emerging"),
                (60, 74, "Developing"),
                (75, 89, "Ready"),
                (90, 100, "Partnership-ready"),
            ]
        );
        for (score, label) in [
            (0, "Not yet ready"),
            (39, "Not yet ready"),
            (40, "Emerging"),
            (74, "Developing"),
            (75, "Ready"),
            (89, "Ready"),
            (90, "Partnership-ready"),
            (100, "Partnership-ready"),
        ] {
            assert_eq!(q.band_for(score).map(|b| b.label.as_str()), Some(label), "score {score}");
        }
    }

    #[test]
    fn content_hash_ignores_formatting_but_not_text() {
        let q = Questionnaire::builtin();
        let compact: serde_json::Value = serde_json::from_str(BUILTIN_EN).unwrap();
        let reformatted = Questionnaire::from_json(&serde_json::to_string(&compact).unwrap()).unwrap();
        assert_eq!(reformatted.content_hash, q.content_hash);
        assert_eq!(q.content_hash.len(), 16);
        assert_eq!(q.compute_content_hash(), q.content_hash, "build.rs and the model agree");

        let mut edited = q.clone();
        edited.principles[4].statements[1].text.push('!');
        assert_ne!(edited.compute_content_hash(), q.content_hash);
        let mut reweighted = q.clone();
        reweighted.principles[0].weight = 2.0;
        assert_ne!(reweighted.compute_content_hash(), q.content_hash);
        // Moving text between adjacent fields changes the form too.
        let mut shifted = q.clone();
        shifted.title.push_str(&shifted.locale.clone());
        shifted.locale.clear();
        assert_ne!(shifted.canonical_form(), q.canonical_form());
    }

    fn broken(edit: impl FnOnce(&mut Questionnaire)) -> Vec<ValidationError> {
        let mut q = Questionnaire::builtin();
        edit(&mut q);
        q.validate().expect_err("the edit must break a rule")
    }

    #[test]
    fn validation_reports_each_broken_rule() {
        let cases: Vec<(Vec<ValidationError>, ValidationError)> = vec![
            (
                broken(|q| {
                    q.principles.pop();
                }),
                ValidationError::WrongPrincipleCount { found: 9 },
            ),
            (
                broken(|q| {
                    q.principles[2].statements.pop();
                }),
                ValidationError::WrongStatementCount { principle: "complementary-strengths".into(), found: 2 },
            ),
            (
                broken(|q| {
                    let id = q.principles[0].statements[0].id.clone();
                    q.principles[0].statements[1].id = id;
                }),
                ValidationError::DuplicateId(Questionnaire::builtin().principles[0].statements[0].id.clone()),
            ),
            (
                broken(|q| q.principles[3].statements[2].text = "  ".into()),
                ValidationError::EmptyText {
                    location: format!("statement {}", Questionnaire::builtin().principles[3].statements[2].id),
                },
            ),
            (
                broken(|q| q.principles[5].weight = 0.0),
                ValidationError::NonPositiveWeight { principle: "personal-relationships".into() },
            ),
            (
                broken(|q| q.principles[1].recommendations.truncate(1)),
                ValidationError::WrongRecommendationCount { principle: "aligned-values".into(), found: 1 },
            ),
            (broken(|q| q.bands[2].min = 61), ValidationError::BandsDoNotCoverScale),
            (broken(|q| q.bands.pop().map(|_| ()).unwrap_or(())), ValidationError::BandsDoNotCoverScale),
        ];
        for (errors, expected) in cases {
            assert!(errors.contains(&expected), "{expected} not in {errors:?}");
        }
    }
}
