//! The meeting agenda as Markdown, the format it leaves the browser in (copied
//! or downloaded): from the agenda already worded in the interface language
//! (`text::agenda`), so the screen and the Markdown say the same.

/// An agenda in words: what the screen shows and the Markdown holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenAgenda {
    pub title: String,
    /// The meeting's length, in words ("30 minutes").
    pub length: String,
    /// Opening, the topics, next steps.
    pub items: Vec<WrittenItem>,
}

/// One item of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenItem {
    pub title: String,
    /// Its time, in words ("10 min").
    pub minutes: String,
    /// Why it is on the agenda (topics only).
    pub reason: Option<String>,
    pub questions: Vec<String>,
    /// What either side wrote about it, each naming its side.
    pub notes: Vec<String>,
}

/// The agenda as Markdown: title, length, the numbered items with their times,
/// reasons, questions and notes.
pub fn agenda(agenda: &WrittenAgenda) -> String {
    let mut out = format!("# {}\n\n{}\n\n", agenda.title, agenda.length);
    for (i, item) in agenda.items.iter().enumerate() {
        out.push_str(&format!("{}. {} ({})\n", i + 1, item.title, item.minutes));
        if let Some(reason) = &item.reason {
            out.push_str(&format!("   {reason}\n"));
        }
        for question in &item.questions {
            out.push_str(&format!("   - {question}\n"));
        }
        for note in &item.notes {
            out.push_str(&format!("   {note}\n"));
        }
    }
    out
}
