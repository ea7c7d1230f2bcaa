//! The words of the partner meeting (full build): what each side of a
//! comparison is called, and the agenda in words — the model's topics and
//! reasons (`model::agenda`) with the interface language's wording, the
//! principles' discussion questions and both sides' notes. The screen shows the
//! agenda in words and `codec::markdown` writes it, so both say the same.

use super::{fill, FullText, UiText};
use crate::codec::markdown::{WrittenAgenda, WrittenItem};
use crate::model::agenda::{Agenda, Reason, FRAME_MINUTES};
use crate::model::{Questionnaire, SavedResult};

impl FullText {
    /// A result's name where two are shown: its label, or "Result A"/"Result B"
    /// by `position` (0 or 1).
    pub fn side_name<'r>(&self, result: &'r SavedResult, position: usize) -> &'r str {
        if result.label.is_empty() {
            self.compare.side_names[position.min(1)]
        } else {
            &result.label
        }
    }

    /// Why a topic is on the agenda, naming the sides.
    pub fn agenda_reason(&self, reason: Reason, labels: [&str; 2]) -> String {
        let pair = |template, a: u8, b: u8| {
            fill(
                template,
                &[
                    ("a_label", labels[0]),
                    ("a", &a.to_string()),
                    ("b_label", labels[1]),
                    ("b", &b.to_string()),
                    ("gap", &a.abs_diff(b).to_string()),
                ],
            )
        };
        match reason {
            Reason::Weak { score } => fill(self.agenda.reason_weak, &[("score", &score.to_string())]),
            Reason::Gap { a, b } => pair(self.agenda.reason_gap, a, b),
            Reason::SharedPriority { a, b } => pair(self.agenda.reason_shared, a, b),
            Reason::Difference { a, b } => pair(self.agenda.reason_difference, a, b),
        }
    }
}

impl UiText {
    /// `agenda` in words, of one result or two compared (`sides`). Text that
    /// came from outside — the results' labels and notes — passes `outside`
    /// first: as it is for the screen, neutralised for Markdown (`codec::markdown::inert`).
    pub fn written_agenda(
        &self,
        questionnaire: &Questionnaire,
        agenda: &Agenda,
        sides: &[&SavedResult],
        outside: fn(&str) -> String,
    ) -> WrittenAgenda {
        let t = &self.full;
        let labels: Vec<String> = match sides {
            [a, b] => vec![outside(t.side_name(a, 0)), outside(t.side_name(b, 1))],
            _ => sides.iter().map(|r| outside(self.result_name(r))).collect(),
        };
        let title = match sides {
            [_, _] => fill(t.agenda.title_two, &[("a", &labels[0]), ("b", &labels[1])]),
            [one] if !one.label.is_empty() => fill(t.agenda.title_one, &[("label", &labels[0])]),
            _ => t.agenda.title_untitled.to_owned(),
        };
        let pair = [labels.first().map_or("", String::as_str), labels.get(1).map_or("", String::as_str)];
        let minutes = |n: u32| fill(t.agenda.topic_minutes, &[("n", &n.to_string())]);
        let frame = |title: &str| WrittenItem {
            title: title.to_owned(),
            minutes: minutes(FRAME_MINUTES),
            reason: None,
            questions: Vec::new(),
            notes: Vec::new(),
        };
        let topics = agenda.topics.iter().map(|topic| {
            let principle = &questionnaire.principles[topic.principle];
            WrittenItem {
                title: principle.title.clone(),
                minutes: minutes(topic.minutes),
                reason: Some(t.agenda_reason(topic.reason, pair)),
                questions: principle.questions.iter().take(topic.questions).cloned().collect(),
                notes: sides
                    .iter()
                    .zip(&labels)
                    .map(|(result, label)| (label, result.responses.note(&principle.id)))
                    .filter(|(_, note)| !note.is_empty())
                    .map(|(label, note)| fill(t.agenda.note, &[("label", label), ("note", &outside(note))]))
                    .collect(),
            }
        });
        let mut items = vec![frame(t.agenda.opening)];
        items.extend(topics);
        items.push(frame(t.agenda.next_steps));
        WrittenAgenda { title, length: fill(t.agenda.length_option, &[("n", &agenda.minutes.to_string())]), items }
    }
}

#[cfg(test)]
mod tests {
    use crate::codec::markdown;
    use crate::model::agenda::for_comparison;
    use crate::model::compare::Comparison;
    use crate::model::{Answer, Questionnaire, Rating, Responses, SavedResult};
    use crate::text::EN;

    /// The agenda of a known pair of results, compared with its exact Markdown.
    #[test]
    fn the_agenda_of_a_known_pair_reads_exactly_so() {
        let q = Questionnaire::builtin();
        let make = |ratings: [u8; 10], label: &str, note: Option<(usize, &str)>| {
            let mut responses = Responses::default();
            for (principle, rating) in q.principles.iter().zip(ratings) {
                for statement in &principle.statements {
                    responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(rating).unwrap()));
                }
            }
            if let Some((principle, note)) = note {
                responses.set_note(&q.principles[principle].id, note);
            }
            SavedResult::finish(&q, responses, label, 0, 0)
        };
        let acme = make([5, 4, 3, 2, 1, 4, 3, 4, 4, 3], "Acme", Some((0, "Bring the numbers.")));
        let contoso = make([2, 4, 3, 3, 1, 5, 2, 4, 4, 3], "Contoso", Some((4, "Legal needs to join.")));
        let agenda = for_comparison(&Comparison::of(&q, &acme, &contoso), 30);
        let written = EN.written_agenda(&q, &agenda, &[&acme, &contoso], str::to_owned);
        assert_eq!(
            markdown::agenda(&written),
            "# Meeting agenda: Acme and Contoso

30 minutes

1. Opening: what each side wants from the partnership (5 min)
2. Clear objectives (10 min)
   Seen far apart: Acme 100, Contoso 25 (a gap of 75).
   - What specific outcomes does each of us expect from this partnership in the first year, and how will we know we reached them?
   - Where do our goals overlap, and where do they pull in different directions?
   Note from Acme: Bring the numbers.
3. Open and transparent communication (5 min)
   Seen far apart: Acme 25, Contoso 50 (a gap of 25).
   - Which channels and meeting rhythm will we use, and who are the contacts on each side?
   - How will we raise problems and bad news early, before they grow?
4. Personal relationships (5 min)
   Seen far apart: Acme 75, Contoso 100 (a gap of 25).
   - Who are the key people on each side, and how well do they know each other?
   - How will we build trust beyond formal meetings?
5. Next steps: owners and dates (5 min)
"
        );
    }
}
