//! The meeting agenda as Markdown, the format it leaves the browser in (copied
//! or downloaded): from the agenda already worded in the interface language
//! (`text::meeting`), so the screen and the Markdown say the same. Text from
//! outside the widget (a partner's label and notes) is made inert first
//! ([`inert`]), so that pasted into a Markdown tool it can never become markup.

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

/// `text` as literal Markdown inline content: every ASCII punctuation character
/// (all CommonMark could read as markup) gets a backslash before it, which
/// CommonMark always allows and drops when rendering, and runs of white space
/// (line breaks too) become one space, so no text can start a block (a heading,
/// a list, a quote, code, HTML). No image, link, emphasis, entity or HTML tag
/// survives; a URL written out stays text.
pub fn inert(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_outside_cannot_become_markup() {
        for (hostile, inert_form) in [
            ("![x](https://evil.example/p.png)", r"\!\[x\]\(https\:\/\/evil\.example\/p\.png\)"),
            ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
            ("[click](javascript:alert(1))", r"\[click\]\(javascript\:alert\(1\)\)"),
            ("**bold** _it_ `code` ~~gone~~", r"\*\*bold\*\* \_it\_ \`code\` \~\~gone\~\~"),
            ("line\n# Heading\n- item\n> quote", r"line \# Heading \- item \> quote"),
            ("&copy; &#65;", r"\&copy\; \&\#65\;"),
            ("Plain words stay, Ünïcode too", r"Plain words stay\, Ünïcode too"),
        ] {
            assert_eq!(inert(hostile), inert_form, "{hostile}");
        }
    }
}
