//! Serialized formats, kept apart from the model so that saved data survives
//! refactoring: each format has its own versioned types and converts to the model.

pub mod answers;
pub mod store;
