//! "How is this scored?" in plain words, with the bands and weighting read from
//! the questionnaire data so the explanation cannot drift from the scoring.

use yew::prelude::*;

use super::View;
use crate::model::Questionnaire;
use crate::text::fill;

pub fn scoring_explainer(view: &View, questionnaire: &Questionnaire) -> Html {
    let text = view.text;
    let heading_id = view.id("how-scored");
    let weights_equal = questionnaire.principles.windows(2).all(|w| w[0].weight == w[1].weight);
    let bands = questionnaire
        .bands
        .iter()
        .map(|b| format!("{}\u{2013}{} {}", b.min, b.max, b.label))
        .collect::<Vec<_>>()
        .join(", ");
    let overall = if weights_equal { text.scoring.overall_equal } else { text.scoring.overall_weighted };
    html! {
        <section class="pr-how-scored" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id}>{ text.scoring.title }</h3>
            <ul>
                { for text.scoring.steps.iter().map(|line| html! { <li>{ *line }</li> }) }
                <li>{ overall }</li>
                <li>{ fill(text.scoring.bands, &[("bands", &bands)]) }</li>
                <li>{ text.scoring.highlights }</li>
            </ul>
        </section>
    }
}
