//! The words of the partner meeting (full build): what each side of a
//! comparison is called, and the agenda in words — the model's topics and
//! reasons (`model::agenda`) with the interface language's wording, the
//! principles' discussion questions, both sides' notes (every one: on its
//! topic, or raised at the end), the meeting's date and attendees. The screen
//! shows the agenda in words and `codec::markdown` writes it, so both say the same.

use super::{fill, FullText, UiText};
use crate::codec::markdown::{WrittenAgenda, WrittenItem, WrittenNotes};
use crate::model::agenda::{Agenda, Reason, FRAME_MINUTES};
use crate::model::team::TeamReport;
use crate::model::{Questionnaire, SavedResult};

/// What the person sets for the meeting beside its topics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meeting {
    /// `YYYY-MM-DD` (a date field's value), or empty: not set yet.
    pub date: String,
    /// Who attends, as typed; `None`: the two sides' names.
    pub attendees: Option<String>,
}

impl FullText {
    /// What two results shown together are called: their labels; unlabelled,
    /// "You" and "Partner" when one is someone else's, else "Result A" and
    /// "Result B". Two equal labels get their position added.
    pub fn side_names(&self, a: &SavedResult, b: &SavedResult) -> [String; 2] {
        let name = |result: &SavedResult, position: usize| {
            if !result.label.is_empty() {
                result.label.clone()
            } else if a.received != b.received {
                (if result.received { self.compare.partner } else { self.compare.you }).to_owned()
            } else {
                self.compare.side_names[position].to_owned()
            }
        };
        let names = [name(a, 0), name(b, 1)];
        if names[0] == names[1] {
            return [0, 1].map(|i| format!("{} ({})", names[i], self.compare.side_names[i]));
        }
        names
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
    /// A date field's value (`YYYY-MM-DD`) in words, or `None` if it is not one.
    pub fn field_date(&self, value: &str) -> Option<String> {
        let mut parts = value.splitn(3, '-').map(|part| part.parse::<u32>().ok());
        let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| self.date(year, month - 1, day))
    }

    /// The names of one result, or two compared (`sides`), in order.
    pub fn meeting_names(&self, sides: &[&SavedResult]) -> Vec<String> {
        match sides {
            [a, b] => self.full.side_names(a, b).to_vec(),
            _ => sides.iter().map(|r| self.result_name(r).to_owned()).collect(),
        }
    }

    /// The item "Agree inside the team first" for the team `name` (made
    /// inert by `outside` like any text from outside): the principles it sees
    /// 50 or more points apart, widest first, to settle before the topics to
    /// raise with the partner; `None` when the team does not disagree.
    pub fn agree_first(
        &self,
        questionnaire: &Questionnaire,
        name: &str,
        report: &TeamReport,
        outside: fn(&str) -> String,
    ) -> Option<WrittenItem> {
        let t = &self.full.team;
        let disagreements = report.disagreements();
        if disagreements.is_empty() {
            return None;
        }
        let name = outside(name);
        let lines = disagreements
            .iter()
            .map(|&index| {
                let spread = report.principles[index].spread;
                let values = [
                    ("title", questionnaire.principles[index].title.clone()),
                    ("name", name.clone()),
                    ("lowest", spread.lowest.unwrap_or_default().to_string()),
                    ("highest", spread.highest.unwrap_or_default().to_string()),
                ];
                fill(t.agree_first_item, &values.iter().map(|(k, v)| (*k, v.as_str())).collect::<Vec<_>>())
            })
            .collect();
        Some(WrittenItem {
            title: t.agree_first.to_owned(),
            minutes: t.agree_first_when.to_owned(),
            principle: None,
            reason: Some(t.agree_first_intro.to_owned()),
            questions: lines,
            notes: Vec::new(),
            fill_in: Vec::new(),
        })
    }

    /// [`Self::written_agenda`] where some sides are teams (`teams`, beside
    /// `sides`): each team's "Agree inside the team first" comes before the
    /// meeting's items.
    pub fn agenda_with_teams(
        &self,
        questionnaire: &Questionnaire,
        agenda: &Agenda,
        sides: &[&SavedResult],
        teams: &[Option<&TeamReport>],
        meeting: &Meeting,
        outside: fn(&str) -> String,
    ) -> WrittenAgenda {
        let mut written = self.written_agenda(questionnaire, agenda, sides, meeting, outside);
        let names = self.meeting_names(sides);
        let mut first: Vec<WrittenItem> = teams
            .iter()
            .zip(&names)
            .filter_map(|(team, name)| self.agree_first(questionnaire, name, (*team)?, outside))
            .collect();
        // Two teams, two such items: each says whose it is.
        if first.len() > 1 {
            for (item, name) in first.iter_mut().zip(&names) {
                item.title = fill(self.full.team.agree_first_named, &[("name", &outside(name))]);
            }
        }
        written.items.splice(0..0, first);
        written
    }

    /// `agenda` in words, of one result or two compared (`sides`). Text that
    /// came from outside — the results' labels and notes, and what the person
    /// typed — passes `outside` first: as it is for the screen, neutralised
    /// for Markdown (`codec::markdown::inert`).
    pub fn written_agenda(
        &self,
        questionnaire: &Questionnaire,
        agenda: &Agenda,
        sides: &[&SavedResult],
        meeting: &Meeting,
        outside: fn(&str) -> String,
    ) -> WrittenAgenda {
        let t = &self.full;
        let names = self.meeting_names(sides);
        let labels: Vec<String> = names.iter().map(|name| outside(name)).collect();
        let title = match sides {
            [_, _] => fill(t.agenda.title_two, &[("a", &labels[0]), ("b", &labels[1])]),
            [one] if !one.label.is_empty() => fill(t.agenda.title_one, &[("label", &labels[0])]),
            _ => t.agenda.title_untitled.to_owned(),
        };
        let pair = [labels.first().map_or("", String::as_str), labels.get(1).map_or("", String::as_str)];
        let date = self.field_date(&meeting.date).unwrap_or_else(|| t.agenda.date_unset.to_owned());
        let attendees = match &meeting.attendees {
            Some(typed) => outside(typed),
            None => labels.join(", "),
        };
        let facts = vec![
            fill(t.agenda.date, &[("date", &date)]),
            fill(t.agenda.attendees, &[("names", &attendees)]),
            fill(t.agenda.length_fact, &[("n", &agenda.minutes.to_string())]),
        ];
        let notes_on = |principle: usize| -> Vec<String> {
            let id = &questionnaire.principles[principle].id;
            sides
                .iter()
                .zip(&labels)
                .map(|(result, label)| (label, result.responses.note(id)))
                .filter(|(_, note)| !note.is_empty())
                .map(|(label, note)| fill(t.agenda.note, &[("label", label), ("note", &outside(note))]))
                .collect()
        };
        let minutes = |n: u32| fill(t.agenda.topic_minutes, &[("n", &n.to_string())]);
        let frame = |title: &str, fill_in: Vec<String>| WrittenItem {
            title: title.to_owned(),
            minutes: minutes(FRAME_MINUTES),
            principle: None,
            reason: None,
            questions: Vec::new(),
            notes: Vec::new(),
            fill_in,
        };
        let topics = agenda.topics.iter().map(|topic| {
            let principle = &questionnaire.principles[topic.principle];
            WrittenItem {
                title: principle.title.clone(),
                minutes: minutes(topic.minutes),
                principle: Some(topic.principle),
                reason: Some(t.agenda_reason(topic.reason, pair)),
                questions: principle.questions.iter().take(topic.questions).cloned().collect(),
                notes: notes_on(topic.principle),
                fill_in: Vec::new(),
            }
        });
        let mut items = vec![frame(t.agenda.opening, Vec::new())];
        items.extend(topics);
        items.push(frame(t.agenda.decisions, vec![t.agenda.decision_line.to_owned(); 3]));
        let raised = (0..questionnaire.principles.len())
            .filter(|&index| !agenda.topics.iter().any(|topic| topic.principle == index))
            .map(|index| WrittenNotes { title: questionnaire.principles[index].title.clone(), notes: notes_on(index) })
            .filter(|raised| !raised.notes.is_empty())
            .collect();
        WrittenAgenda { title, facts, items, raised_title: t.agenda.raised_title.to_owned(), raised }
    }
}

#[cfg(test)]
mod tests {
    use super::Meeting;
    use crate::codec::markdown;
    use crate::model::agenda::for_comparison;
    use crate::model::compare::Comparison;
    use crate::model::{Answer, Questionnaire, Rating, Responses, SavedResult};
    use crate::text::EN;

    /// The agenda of a known pair of results, compared with its exact Markdown.
    #[test]
    fn the_agenda_of_a_known_pair_reads_exactly_so() {
        let q = Questionnaire::builtin();
        let make = |ratings: [u8; 10], label: &str, notes: &[(usize, &str)]| {
            let mut responses = Responses::default();
            for (principle, rating) in q.principles.iter().zip(ratings) {
                for statement in &principle.statements {
                    responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(rating).unwrap()));
                }
            }
            for (principle, note) in notes {
                responses.set_note(&q.principles[*principle].id, note);
            }
            SavedResult::finish(&q, responses, label, 0, 0)
        };
        let acme =
            make([5, 4, 3, 2, 1, 4, 3, 4, 4, 3], "Acme", &[(0, "Bring the numbers."), (9, "Party <b>after</b>!")]);
        let contoso = make([2, 4, 3, 3, 1, 5, 2, 4, 4, 3], "Contoso", &[(4, "Legal needs to join.")]);
        let agenda = for_comparison(&Comparison::of(&q, &acme, &contoso), 30);
        let meeting = Meeting { date: "2026-12-03".into(), attendees: None };
        let written = EN.written_agenda(&q, &agenda, &[&acme, &contoso], &meeting, markdown::inert);
        assert_eq!(
            markdown::agenda(&written),
            r"# Meeting agenda: Acme and Contoso

- Date: 3 December 2026
- Attendees: Acme, Contoso
- Length: 30 minutes

## 1. Opening: what each side wants from the partnership (5 min)

## 2. Clear objectives (10 min)

Seen far apart: Acme 100, Contoso 25 (a gap of 75).

- What specific outcomes does each of us expect from this partnership in the first year, and how will we know we reached them?
- Where do our goals overlap, and where do they pull in different directions?

> Note from Acme: Bring the numbers.

## 3. Open and transparent communication (5 min)

Seen far apart: Acme 25, Contoso 50 (a gap of 25).

- Which channels and meeting rhythm will we use, and who are the contacts on each side?
- How will we raise problems and bad news early, before they grow?

## 4. Mutually beneficial agreements (5 min)

Low on both sides: Acme 0, Contoso 0.

- What value does each side get, and does each consider the split fair?
- How do we share costs, revenue, resources and access to each other's networks?

> Note from Contoso: Legal needs to join.

## 5. Decisions and owners (5 min)

- Decision: … · Owner: … · By: …
- Decision: … · Owner: … · By: …
- Decision: … · Owner: … · By: …

## Raised in notes

### Celebrating successes together

> Note from Acme: Party \<b\>after\</b\>\!
"
        );
    }

    /// A team against a partner: what the team must settle first comes
    /// before the meeting, widest disagreement first.
    #[test]
    fn a_team_agrees_inside_first() {
        use crate::model::team::{Team, TeamReport};
        let q = Questionnaire::builtin();
        let make = |ratings: [u8; 10], label: &str| {
            let mut responses = Responses::default();
            for (principle, rating) in q.principles.iter().zip(ratings) {
                for statement in &principle.statements {
                    responses.set_answer(&statement.id, Answer::Rated(Rating::from_value(rating).unwrap()));
                }
            }
            SavedResult::finish(&q, responses, label, 0, 0)
        };
        let members = vec![make([1, 3, 2, 3, 3, 3, 3, 3, 3, 3], ""), make([5, 3, 4, 3, 3, 3, 3, 3, 3, 3], "")];
        let team = Team { id: 1, name: "Sales".into(), created_ms: 0, show_names: false, members };
        let report = TeamReport::of(&q, &team.member_results());
        let side = team.as_side("Sales", &["Member 1".into(), "Member 2".into()], report.overall.median);
        let partner = make([3, 1, 3, 3, 3, 3, 3, 3, 3, 3], "Initech");
        let partner_scores: Vec<Option<u8>> = crate::model::Report::score(&q, &partner.responses)
            .principles
            .iter()
            .map(|p| p.score.map(crate::model::scoring::round_score))
            .collect();
        let comparison = Comparison::of_scores(&report.medians(), &partner_scores, false);
        let agenda = for_comparison(&comparison, 30);
        let meeting = Meeting { date: String::new(), attendees: None };
        let written =
            EN.agenda_with_teams(&q, &agenda, &[&side, &partner], &[Some(&report), None], &meeting, markdown::inert);
        let text = markdown::agenda(&written);
        let start = text.find("## 1.").unwrap();
        assert_eq!(
            &text[start..text.find("## 2.").unwrap()],
            "## 1. Agree inside the team first (before the meeting)

The principles your team sees 50 or more points apart: settle them together, then raise the topics below with your partner.

- Clear objectives: Sales scores from 0 to 100
- Complementary strengths: Sales scores from 25 to 75

"
        );
        assert!(text.contains("## 2. Opening"), "then the meeting as usual");
        // Against the partner's team that disagrees too: one item each, named.
        let ops = Team { name: "Ops".into(), ..team.clone() };
        let ops_side = ops.as_side("Ops", &["Member 1".into(), "Member 2".into()], report.overall.median);
        let both = EN.agenda_with_teams(
            &q,
            &agenda,
            &[&side, &ops_side],
            &[Some(&report), Some(&report)],
            &meeting,
            markdown::inert,
        );
        let titles: Vec<&str> = both.items.iter().take(3).map(|item| item.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Agree inside Sales first",
                "Agree inside Ops first",
                "Opening: what each side wants from the partnership"
            ]
        );
    }

    #[test]
    fn sides_are_named_by_label_or_by_whose_they_are() {
        let q = Questionnaire::builtin();
        let own = SavedResult::finish(&q, Responses::default(), "", 1, 0);
        let received = SavedResult { received: true, ..own.clone() };
        assert_eq!(EN.full.side_names(&own, &received), ["You", "Partner"]);
        assert_eq!(EN.full.side_names(&own, &own), ["Result A", "Result B"]);
        let acme = SavedResult { label: "Acme".into(), ..own.clone() };
        assert_eq!(EN.full.side_names(&acme, &received), ["Acme", "Partner"]);
        assert_eq!(EN.full.side_names(&acme, &acme), ["Acme (Result A)", "Acme (Result B)"]);
        assert_eq!(EN.field_date("2026-02-28").as_deref(), Some("28 February 2026"));
        assert_eq!(EN.field_date("2026-13-01"), None);
        assert_eq!(EN.field_date(""), None);
    }
}
