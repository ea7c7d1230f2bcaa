//! The pure core: questionnaire content, responses and scoring.
//! Nothing here touches yew, web-sys or any I/O; `cargo test` covers it natively.

pub mod agenda;
pub mod canonical;
pub mod compare;
pub mod history;
pub mod keyed;
pub mod questionnaire;
pub mod responses;
pub mod saved;
pub mod scoring;
pub mod team;
pub mod trend;
pub mod unique;

pub use history::{QuestionnaireRef, SavedResult, BAND_LABEL_MAX_CHARS, LABEL_MAX_CHARS, MAX_RESULTS};
pub use questionnaire::{Band, Principle, Questionnaire, Statement};
pub use responses::{Answer, Rating, Responses, NOTE_MAX_CHARS};
pub use saved::{Draft, StoreContents};
pub use scoring::{Coverage, PrincipleScore, Report};
