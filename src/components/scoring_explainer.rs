//! "How is this scored?" in plain words, with the bands and weighting read from
//! the questionnaire data so the explanation cannot drift from the scoring.

use std::rc::Rc;

use yew::prelude::*;

use super::use_widget;
use crate::model::Questionnaire;
use crate::text::fill;

#[derive(Properties, PartialEq)]
pub struct ScoringExplainerProps {
    pub questionnaire: Rc<Questionnaire>,
}

#[function_component(ScoringExplainer)]
pub fn scoring_explainer(props: &ScoringExplainerProps) -> Html {
    let widget = use_widget();
    let text = widget.text;
    let heading_id = widget.id("how-scored");
    let weights_equal = props.questionnaire.principles.windows(2).all(|w| w[0].weight == w[1].weight);
    let bands = props
        .questionnaire
        .bands
        .iter()
        .map(|b| format!("{}\u{2013}{} {}", b.min, b.max, b.label))
        .collect::<Vec<_>>()
        .join(", ");
    let overall = if weights_equal { text.how_scored_overall_equal } else { text.how_scored_overall_weighted };
    html! {
        <section class="pr-how-scored" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ text.how_scored_title }</h3>
            <ul>
                { for text.how_scored.iter().map(|line| html! { <li>{ *line }</li> }) }
                <li>{ overall }</li>
                <li>{ fill(text.how_scored_bands, &[("bands", &bands)]) }</li>
                <li>{ text.how_scored_highlights }</li>
            </ul>
        </section>
    }
}
