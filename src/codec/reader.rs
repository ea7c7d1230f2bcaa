//! Typed access to parsed JSON with errors that say where the problem is
//! (`history[2].questionnaire.hash`) and what it is, as data: the words come from
//! `crate::text`, so every language can say it. Paths are only put together when
//! something is wrong, and in one place, so decoders stay short.

use std::borrow::Cow;

use super::json::Json;

/// A value of the wrong shape, with its path in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub problem: Problem,
}

/// What is wrong with a value. Field names are the document's own (English)
/// keys, shown as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    ExpectedObject,
    ExpectedArray,
    ExpectedString,
    ExpectedWholeNumber,
    ExpectedNumber,
    ExpectedBoolean,
    /// Neither a scale value nor "not sure".
    ExpectedRating,
    /// A whole number outside the 1–5 scale.
    RatingOutOfRange(u64),
    /// A score outside 0–100.
    ScoreOutOfRange(u64),
    /// A time after the last one a browser can represent.
    TimeOutOfRange,
    MissingField(&'static str),
    UnknownField(String),
    UnknownVersion(u64),
    /// A list or map with more entries than any valid document has.
    TooMany {
        max: usize,
    },
    /// A schema or format name this build does not read.
    UnknownFormat(String),
    /// Answered on another questionnaire (its id, cut short) than the rest:
    /// a team's members all answered one.
    OtherQuestionnaire(String),
}

impl Invalid {
    pub fn at(path: &str, problem: Problem) -> Self {
        Self { path: path.to_owned(), problem }
    }
}

/// Where a value sits in a document: a chain of borrowed links, turned into
/// text (`history[2].questionnaire.hash`) only when something is wrong there,
/// so reading a large valid document builds no path strings at all.
#[derive(Debug, Clone, Copy)]
pub enum Path<'p> {
    /// The document itself.
    Root,
    /// A named document (`answers` read as its own root, say).
    Named(&'p str),
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// The path as text; the document itself is the empty path.
    pub fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Named(name) => (*name).to_owned(),
            Path::Key(parent, key) => {
                let parent = parent.render();
                if parent.is_empty() {
                    (*key).to_owned()
                } else {
                    format!("{parent}.{key}")
                }
            }
            Path::Index(parent, index) => format!("{}[{index}]", parent.render()),
        }
    }

    pub fn invalid(&self, problem: Problem) -> Invalid {
        Invalid { path: self.render(), problem }
    }
}

/// A JSON object being read, with its path for error messages.
pub struct Obj<'a, 'p> {
    members: &'a [(Cow<'a, str>, Json<'a>)],
    path: Path<'p>,
}

impl<'a, 'p> Obj<'a, 'p> {
    /// Reads `value` as an object. With a non-empty `known`, any other key is
    /// an error, so a misspelt field is reported rather than silently ignored.
    pub fn new(value: &'a Json<'a>, path: Path<'p>, known: &[&str]) -> Result<Self, Invalid> {
        let Json::Object(members) = value else {
            return Err(path.invalid(Problem::ExpectedObject));
        };
        if !known.is_empty() {
            if let Some((key, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_ref())) {
                return Err(path.invalid(Problem::UnknownField(key.to_string())));
            }
        }
        Ok(Self { members, path })
    }

    /// The path of this object.
    pub fn path(&self) -> &Path<'p> {
        &self.path
    }

    /// All members, in document order.
    pub fn members(&self) -> &'a [(Cow<'a, str>, Json<'a>)] {
        self.members
    }

    /// A member; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Json<'a>> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }

    /// A member that must be present.
    pub fn required(&self, key: &'static str) -> Result<&'a Json<'a>, Invalid> {
        self.get(key).ok_or_else(|| self.path.invalid(Problem::MissingField(key)))
    }

    /// An error about the member `key`.
    pub fn invalid(&self, key: &str, problem: Problem) -> Invalid {
        Path::Key(&self.path, key).invalid(problem)
    }

    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, Invalid> {
        self.get(key).map(|v| v.as_str().ok_or_else(|| self.invalid(key, Problem::ExpectedString))).transpose()
    }

    pub fn opt_bool(&self, key: &str) -> Result<Option<bool>, Invalid> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Bool(value)) => Ok(Some(*value)),
            Some(_) => Err(self.invalid(key, Problem::ExpectedBoolean)),
        }
    }

    pub fn str(&self, key: &'static str) -> Result<&'a str, Invalid> {
        self.opt_str(key)?.ok_or_else(|| self.path.invalid(Problem::MissingField(key)))
    }

    pub fn opt_uint(&self, key: &str) -> Result<Option<u64>, Invalid> {
        self.get(key).map(|v| v.as_u64().ok_or_else(|| self.invalid(key, Problem::ExpectedWholeNumber))).transpose()
    }

    pub fn uint(&self, key: &'static str) -> Result<u64, Invalid> {
        self.opt_uint(key)?.ok_or_else(|| self.path.invalid(Problem::MissingField(key)))
    }

    /// A member that is an object, read with its own `known` keys. Its path
    /// borrows this object's, so the child lives no longer than `self`.
    pub fn obj<'s>(&'s self, key: &'static str, known: &[&str]) -> Result<Obj<'a, 's>, Invalid> {
        Obj::new(self.required(key)?, Path::Key(&self.path, key), known)
    }

    /// A member that is an array (empty when absent) of at most `max` items.
    pub fn array(&self, key: &str, max: usize) -> Result<&'a [Json<'a>], Invalid> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Json::Array(items)) if items.len() > max => Err(self.invalid(key, Problem::TooMany { max })),
            Some(Json::Array(items)) => Ok(items),
            Some(_) => Err(self.invalid(key, Problem::ExpectedArray)),
        }
    }
}
