//! The pure core: questionnaire content, responses and scoring.
//! Nothing here touches yew, web-sys or any I/O; `cargo test` covers it natively.

pub mod canonical;
pub mod history;
pub mod keyed;
pub mod questionnaire;
pub mod responses;
pub mod scoring;

pub use history::{next_result_id, QuestionnaireRef, SavedResult, LABEL_MAX_CHARS};
pub use questionnaire::{Band, Principle, Questionnaire, Statement};
pub use responses::{Answer, Rating, Responses, NOTE_MAX_CHARS};
pub use scoring::{Coverage, PrincipleScore, Report};
