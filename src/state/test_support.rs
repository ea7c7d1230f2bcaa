//! Shared by the reducer's tests: a fresh state, actions applied in turn,
//! answers and results made to order.

use std::rc::Rc;

use super::{Action, AppState, Loaded, Persistence};
use crate::model::{Answer, Questionnaire, Rating, Responses, SavedResult, StoreContents};

/// A state with nothing stored, its results read.
pub fn fresh() -> AppState {
    with_history(Vec::new())
}

/// A state whose storage held `history`.
pub fn with_history(history: Vec<SavedResult>) -> AppState {
    AppState::new(
        Rc::new(Questionnaire::builtin()),
        Loaded {
            contents: StoreContents { draft: None, history },
            history_loaded: true,
            notice: None,
            set_aside: Vec::new(),
            persistence: Persistence::Enabled,
        },
    )
}

/// `state` after each of `actions`.
pub fn after(mut state: AppState, actions: impl IntoIterator<Item = Action>) -> AppState {
    for action in actions {
        state.apply(action);
    }
    state
}

/// Answering statement `statement` of principle `principle` with `value` (1–5).
pub fn answer(state: &AppState, principle: usize, statement: usize, value: u8) -> Action {
    Action::Answer {
        statement_id: state.questionnaire.principles[principle].statements[statement].id.clone(),
        answer: Answer::Rated(Rating::from_value(value).unwrap()),
    }
}

/// An unanswered result labelled "Partner", finished at `ms`.
pub fn result_at(ms: u64, id: u64) -> SavedResult {
    SavedResult::finish(&Questionnaire::builtin(), Responses::default(), "Partner", id, ms)
}
