//! Typed access to parsed JSON with errors that say where the problem is
//! (`history[2].questionnaire.hash: expected a string`). Paths are only put
//! together when something is wrong, and in one place, so decoders stay short.

use std::fmt;

use super::json::Json;

/// A value of the wrong shape, with its path in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    pub path: String,
    pub problem: String,
}

impl Invalid {
    pub fn at(path: &str, problem: impl Into<String>) -> Self {
        Self { path: path.to_owned(), problem: problem.into() }
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}

/// A JSON object being read, with its path for error messages.
pub struct Obj<'a> {
    members: &'a [(String, Json)],
    path: String,
}

impl<'a> Obj<'a> {
    /// Reads `value` as an object. With a non-empty `known`, any other key is
    /// an error, so a misspelt field is reported rather than silently ignored.
    pub fn new(value: &'a Json, path: String, known: &[&str]) -> Result<Self, Invalid> {
        let Json::Object(members) = value else {
            return Err(Invalid::at(&path, "expected an object"));
        };
        if !known.is_empty() {
            if let Some((key, _)) = members.iter().find(|(k, _)| !known.contains(&k.as_str())) {
                return Err(Invalid::at(&path, format!("unknown field \"{key}\"")));
            }
        }
        Ok(Self { members, path })
    }

    /// The path of a member, for messages and nested readers (the document
    /// itself has the empty path).
    pub fn path_of(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// All members, in document order.
    pub fn members(&self) -> &'a [(String, Json)] {
        self.members
    }

    /// A member; `null` counts as absent.
    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| **v != Json::Null)
    }

    /// A member that must be present.
    pub fn required(&self, key: &str) -> Result<&'a Json, Invalid> {
        self.get(key).ok_or_else(|| self.missing(key))
    }

    fn missing(&self, key: &str) -> Invalid {
        Invalid::at(&self.path, format!("missing field \"{key}\""))
    }

    pub fn opt_str(&self, key: &str) -> Result<Option<&'a str>, Invalid> {
        self.get(key)
            .map(|v| v.as_str().ok_or_else(|| Invalid::at(&self.path_of(key), "expected a string")))
            .transpose()
    }

    pub fn str(&self, key: &str) -> Result<&'a str, Invalid> {
        self.opt_str(key)?.ok_or_else(|| self.missing(key))
    }

    pub fn opt_uint(&self, key: &str) -> Result<Option<u64>, Invalid> {
        self.get(key)
            .map(|v| v.as_u64().ok_or_else(|| Invalid::at(&self.path_of(key), "expected a whole number")))
            .transpose()
    }

    pub fn uint(&self, key: &str) -> Result<u64, Invalid> {
        self.opt_uint(key)?.ok_or_else(|| self.missing(key))
    }

    /// A member that is an object, read with its own `known` keys.
    pub fn obj(&self, key: &str, known: &[&str]) -> Result<Obj<'a>, Invalid> {
        Obj::new(self.required(key)?, self.path_of(key), known)
    }

    /// A member that is an array (empty when absent).
    pub fn array(&self, key: &str) -> Result<&'a [Json], Invalid> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Json::Array(items)) => Ok(items),
            Some(_) => Err(Invalid::at(&self.path_of(key), "expected an array")),
        }
    }
}
