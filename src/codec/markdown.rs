//! The meeting agenda as Markdown, the format it leaves the browser in (copied
//! or downloaded): from the agenda already worded in the interface language
//! (`text::meeting`), so the screen and the Markdown say the same. Text from
//! outside the widget (a partner's label and notes) is made inert first
//! ([`inert`]), so that pasted into a Markdown tool it can never become markup.
//!
//! The structure is CommonMark's (checked with a CommonMark renderer in
//! `tests/e2e/meeting.test.mjs`): a title, the meeting's facts as a list, one
//! heading per item with its reason, questions and notes as blocks of their
//! own (so no line runs into a heading), then "Raised in notes".

/// An agenda in words: what the screen shows and the Markdown holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenAgenda {
    pub title: String,
    /// Date, attendees and length, each "Name: value".
    pub facts: Vec<String>,
    /// Opening, the topics, decisions and owners.
    pub items: Vec<WrittenItem>,
    /// Notes on principles that are not topics, so every note is on the agenda.
    pub raised_title: String,
    pub raised: Vec<WrittenNotes>,
}

/// One item of the agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenItem {
    pub title: String,
    /// Its time, in words ("10 min").
    pub minutes: String,
    /// The principle a topic is about (the opening and decisions have none).
    pub principle: Option<usize>,
    /// Why it is on the agenda (topics only).
    pub reason: Option<String>,
    pub questions: Vec<String>,
    /// What either side wrote about it, each naming its side.
    pub notes: Vec<String>,
    /// Lines to fill in at the meeting (decisions and owners).
    pub fill_in: Vec<String>,
}

/// The notes written on one principle that is not a topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenNotes {
    pub title: String,
    pub notes: Vec<String>,
}

/// `text` as literal Markdown inline content, still readable as plain text
/// (an agenda is often pasted where Markdown is not rendered): a backslash —
/// which CommonMark always allows before punctuation and drops when rendering —
/// goes only before what could become markup: the characters of emphasis,
/// code, links, images, HTML, entities and tables anywhere; at the start, any
/// punctuation (a heading, list or quote marker); and the `.` or `)` of a
/// leading number (an ordered list). Runs of white space (line breaks too)
/// become one space, so no text can start a block of its own. No image, HTML,
/// entity or link survives that the sender did not write out as an address
/// (which a renderer with autolinks, such as GitHub's, shows as the address it is).
pub fn inert(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text.split_whitespace().collect::<Vec<_>>().join(" ").chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let before = &chars[..i];
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '&' | '~' | '|' => true,
            _ if i == 0 => c.is_ascii_punctuation(),
            '.' | ')' => before.iter().all(char::is_ascii_digit),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The agenda as Markdown.
pub fn agenda(agenda: &WrittenAgenda) -> String {
    let mut out = format!("# {}\n\n", agenda.title);
    let list = |out: &mut String, lines: &[String]| {
        for line in lines {
            out.push_str(&format!("- {line}\n"));
        }
        if !lines.is_empty() {
            out.push('\n');
        }
    };
    let quotes = |out: &mut String, notes: &[String]| {
        for note in notes {
            out.push_str(&format!("> {note}\n\n"));
        }
    };
    list(&mut out, &agenda.facts);
    for (i, item) in agenda.items.iter().enumerate() {
        out.push_str(&format!("## {}. {} ({})\n\n", i + 1, item.title, item.minutes));
        if let Some(reason) = &item.reason {
            out.push_str(&format!("{reason}\n\n"));
        }
        list(&mut out, &item.questions);
        quotes(&mut out, &item.notes);
        list(&mut out, &item.fill_in);
    }
    if !agenda.raised.is_empty() {
        out.push_str(&format!("## {}\n\n", agenda.raised_title));
        for raised in &agenda.raised {
            out.push_str(&format!("### {}\n\n", raised.title));
            quotes(&mut out, &raised.notes);
        }
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_outside_cannot_become_markup() {
        for (hostile, inert_form) in [
            ("![x](https://evil.example/p.png)", r"\!\[x\](https://evil.example/p.png)"),
            ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert(1)\>"),
            ("[click](javascript:alert(1))", r"\[click\](javascript:alert(1))"),
            ("**bold** _it_ `code` ~~gone~~ a|b", r"\*\*bold\*\* \_it\_ \`code\` \~\~gone\~\~ a\|b"),
            ("line\n# Heading\n- item\n> quote", r"line # Heading - item \> quote"),
            ("# Heading", r"\# Heading"),
            ("- item", r"\- item"),
            ("12. item", r"12\. item"),
            ("3) item", r"3\) item"),
            ("&copy; &#65;", r"\&copy; \&#65;"),
            ("Ana (Us), Ben (Partner Co): 1. and 2.", "Ana (Us), Ben (Partner Co): 1. and 2."),
            ("Plain words stay, Ünïcode too", "Plain words stay, Ünïcode too"),
        ] {
            assert_eq!(inert(hostile), inert_form, "{hostile}");
        }
    }
}
