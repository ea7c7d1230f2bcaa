//! What the host page hears about: DOM events on the widget's element
//! (`host::announce`, details in `codec::host_events`, names in EMBEDDING.md).
//! The reducer records them; the shell announces each once, after rendering.

/// One thing the host page is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostEvent {
    /// The person began the check, or went back to the one in progress (`resumed`).
    Started { resumed: bool },
    /// A principle's step, by position; the number of principles means the review.
    Step(usize),
    /// A result was saved: its id.
    Completed(u64),
    /// A result left the widget from the share screen (full build).
    Shared { id: u64, how: ShareMethod },
}

/// How a result was shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareMethod {
    Link,
    /// A link sealed with a passphrase.
    ProtectedLink,
    /// The JSON copied to the clipboard.
    Json,
    /// The JSON downloaded as a file.
    File,
}

impl ShareMethod {
    /// How the `shared` event names it.
    pub fn name(self) -> &'static str {
        match self {
            ShareMethod::Link => "link",
            ShareMethod::ProtectedLink => "protected-link",
            ShareMethod::Json => "json",
            ShareMethod::File => "file",
        }
    }
}

/// The latest host events with their sequence numbers: the shell announces
/// those it has not yet, so none is lost when several actions run before a render.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostEvents {
    /// The sequence number the next event gets.
    pub next: u32,
    pub recent: Vec<(u32, HostEvent)>,
}

impl HostEvents {
    /// More than any one action causes; older ones have been announced.
    const KEPT: usize = 8;

    pub(super) fn push(&mut self, event: HostEvent) {
        if self.recent.len() == Self::KEPT {
            self.recent.remove(0);
        }
        self.recent.push((self.next, event));
        self.next += 1;
    }

    /// The events from sequence number `from` on, oldest first.
    pub fn since(&self, from: u32) -> impl Iterator<Item = HostEvent> + '_ {
        self.recent.iter().filter(move |(seq, _)| *seq >= from).map(|&(_, event)| event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latest_events_are_kept_with_their_numbers() {
        let mut events = HostEvents::default();
        for step in 0..10 {
            events.push(HostEvent::Step(step));
        }
        assert_eq!(events.next, 10);
        assert_eq!(events.since(7).collect::<Vec<_>>(), [HostEvent::Step(7), HostEvent::Step(8), HostEvent::Step(9)]);
        assert_eq!(events.since(0).count(), HostEvents::KEPT);
    }
}
