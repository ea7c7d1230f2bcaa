//! Talking to the host page: the DOM events announced on each widget's mount
//! point, the attribute naming the screen shown, and handing a widget over to
//! the full build. Also the registry of the widgets running on the page (which
//! `mount` fills), so a widget's mount point can be found from inside it.
//!
//! Two builds share this code (see ARCHITECTURE.md): the core build is what a
//! page loads first; the full build adds sharing, importing, opened links,
//! comparison, agenda, other languages and a host's own questionnaire. When
//! someone opens one of its screens, the core build loads the full one (through
//! the boot script's `partnershipReadiness.loadFull()`), unmounts its widget and
//! lets the full build mount into the same element, telling it which screen to
//! open in `data-pr-handover` — and, if this widget could not save, carrying its
//! data along so nothing is lost.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{Screen, Side};
use crate::text::UiText;

/// Set on a mount point once a widget starts in it.
pub const MOUNTED_ATTRIBUTE: &str = "data-pr-mounted";
/// Which screen the full build opens in a widget handed over to it.
const HANDOVER_ATTRIBUTE: &str = "data-pr-handover";
/// The draft and results of a handed-over widget that could not save.
const CARRIED_MAIN_ATTRIBUTE: &str = "data-pr-carried-draft";
const CARRIED_RESULTS_ATTRIBUTE: &str = "data-pr-carried-results";
/// Set on the mount point: the screen shown (`start`, `step`, `review`,
/// `results`, `share`, `import`, `shared`, `compare`, `agenda`), for host styles
/// such as printing an agenda alone.
const SCREEN_ATTRIBUTE: &str = "data-pr-screen";

/// A widget on the page: its mount point, where it renders, its texts (for the
/// crash message) and how to take it down (to hand it over; a closure, so this
/// module never names the component `mount` mounts).
pub struct Running {
    pub element: web_sys::Element,
    pub container: web_sys::Element,
    pub text: &'static UiText,
    pub unmount: Box<dyn FnOnce()>,
}

thread_local! {
    /// The running widgets.
    static RUNNING: RefCell<Vec<Running>> = const { RefCell::new(Vec::new()) };
}

/// Records a widget that started.
pub fn register(running: Running) {
    RUNNING.with(|all| all.borrow_mut().push(running));
}

/// Every running widget's mount point and texts.
pub fn running_widgets() -> Vec<(web_sys::Element, &'static UiText)> {
    RUNNING.with(|all| all.borrow().iter().map(|r| (r.element.clone(), r.text)).collect())
}

/// The mount point of the widget whose root element is `root`: the element it
/// was mounted for, or (mounted directly, as in tests) the root's parent.
fn host_of(root: &web_sys::Element) -> Option<web_sys::Element> {
    RUNNING
        .with(|all| all.borrow().iter().find(|r| r.container.contains(Some(root))).map(|r| r.element.clone()))
        .or_else(|| root.parent_element())
}

/// Announces `name` with `detail` (JSON text) to the host page: a DOM event on
/// the widget's mount point that bubbles, so the host can listen on any ancestor.
pub fn announce(root: &web_sys::Element, name: &str, detail: &str) {
    if let Some(host) = host_of(root) {
        announce_on(&host, name, detail);
    }
}

/// Announces `name` with `detail` on the mount point `host` itself (a widget
/// that could not start has no root inside it).
pub fn announce_on(host: &web_sys::Element, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // Nobody listening is fine.
        let _ = host.dispatch_event(&event);
    }
}

/// Shows on the mount point which screen the widget is on (`SCREEN_ATTRIBUTE`).
pub fn show_screen(root: &web_sys::Element, screen: Screen) {
    let name = match screen {
        Screen::Start => "start",
        Screen::Step(_) => "step",
        Screen::Review => "review",
        Screen::Results(_) => "results",
        Screen::Share(_) => "share",
        Screen::Import => "import",
        Screen::Shared => "shared",
        Screen::Compare(..) => "compare",
        Screen::Agenda(..) => "agenda",
        Screen::Teams => "teams",
        Screen::Team(_) | Screen::AddMembers(_) => "team",
        Screen::SharedTeam => "shared-team",
    };
    if let Some(host) = host_of(root) {
        let _ = host.set_attribute(SCREEN_ATTRIBUTE, name);
    }
}

/// How the handover attribute names the screen a widget handed over to the
/// full build opens there: the full build's screens the core and partner
/// builds show a way to (a side is a saved result's id or the address's link,
/// `shared`; not a team's, which only the full build reaches).
pub fn handover_text(screen: Screen) -> Option<String> {
    let sides = |name: &str, a: Side, b: Option<Side>| -> Option<String> {
        let mut text = format!("{name}:{}", side_text(a)?);
        if let Some(b) = b {
            text = format!("{text}:{}", side_text(b)?);
        }
        Some(text)
    };
    match screen {
        Screen::Share(id) => Some(format!("share:{id}")),
        Screen::Import => Some("import".to_owned()),
        Screen::Shared => Some("shared".to_owned()),
        Screen::Teams => Some("teams".to_owned()),
        Screen::Compare(a, b) => sides("compare", a, b),
        Screen::Agenda(a, b) => sides("agenda", a, b),
        _ => None,
    }
}

/// The handover of "Back up all results" on the start screen: the full build
/// opens the start screen and downloads the backup (only it writes backups).
pub const BACKUP_HANDOVER: &str = "backup";

/// The screen a handover attribute names (`handover_text`), if it names one.
fn parse_handover(text: &str) -> Option<Screen> {
    if text == BACKUP_HANDOVER {
        return Some(Screen::Start);
    }
    // `<name>`, `<name>:<side>` or `<name>:<side>:<side>`.
    let mut parts = text.split(':');
    let (name, a, b) = (parts.next()?, parts.next(), parts.next());
    if parts.next().is_some() {
        return None;
    }
    let second = match b {
        Some(b) => Some(parse_side(b)?),
        None => None,
    };
    match (name, a, b) {
        ("share", Some(id), None) => id.parse().ok().map(Screen::Share),
        ("compare", Some(a), _) => Some(Screen::Compare(parse_side(a)?, second)),
        ("agenda", Some(a), _) => Some(Screen::Agenda(parse_side(a)?, second)),
        ("import", None, None) => Some(Screen::Import),
        ("shared", None, None) => Some(Screen::Shared),
        ("teams", None, None) => Some(Screen::Teams),
        _ => None,
    }
}

fn side_text(side: Side) -> Option<String> {
    match side {
        Side::Saved(id) => Some(id.to_string()),
        Side::Shared => Some("shared".to_owned()),
        Side::Team(_) => None,
    }
}

fn parse_side(text: &str) -> Option<Side> {
    if text == "shared" {
        Some(Side::Shared)
    } else {
        text.parse().ok().map(Side::Saved)
    }
}

/// The draft and results documents of a widget that could not save.
#[derive(Clone)]
pub struct Carried {
    pub main: String,
    pub results: String,
}

#[wasm_bindgen]
extern "C" {
    /// Set by the boot script: loads the full build once, resolving to its module.
    #[wasm_bindgen(catch, js_namespace = partnershipReadiness, js_name = loadFull)]
    pub fn load_full() -> Result<js_sys::Promise, JsValue>;
}

/// Hands the widget whose root element is `root` over to the full build,
/// which opens the screen `handover` names (`handover_text`; and takes
/// `carried`, when this widget could not save its data). `failed` is called if the full build cannot be loaded; the
/// widget then stays as it is.
pub fn hand_over(root: &web_sys::Element, handover: &str, carried: Option<Carried>, failed: impl FnOnce() + 'static) {
    let Some(element) = host_of(root) else { return };
    let _ = element.set_attribute(HANDOVER_ATTRIBUTE, handover);
    if let Some(carried) = carried {
        let _ = element.set_attribute(CARRIED_MAIN_ATTRIBUTE, &carried.main);
        let _ = element.set_attribute(CARRIED_RESULTS_ATTRIBUTE, &carried.results);
    }
    let Ok(loading) = load_full() else {
        failed();
        return;
    };
    let loaded = Closure::once(move |module: JsValue| {
        // Unmount this build's widget, then let the full build mount there.
        let running = RUNNING.with(|all| {
            let mut all = all.borrow_mut();
            let position = all.iter().position(|r| r.element == element)?;
            Some(all.remove(position))
        });
        if let Some(running) = running {
            (running.unmount)();
        }
        let _ = element.remove_attribute(MOUNTED_ATTRIBUTE);
        call_mount_all(&module);
    });
    let failed = Closure::once(move |_: JsValue| failed());
    let _ = loading.then2(&loaded, &failed);
    // Each runs at most once; the page keeps them for the promise.
    loaded.forget();
    failed.forget();
}

/// What a widget handed over brought along on `element`: the screen to open,
/// whether to download the backup there, and the data of a widget that could
/// not save. Read once: the attributes go.
pub fn take_handover(element: &web_sys::Element) -> (Option<Screen>, bool, Option<Carried>) {
    let handover = element.get_attribute(HANDOVER_ATTRIBUTE);
    let back_up = handover.as_deref() == Some(BACKUP_HANDOVER);
    let start = handover.and_then(|text| parse_handover(&text));
    let carried =
        match (element.get_attribute(CARRIED_MAIN_ATTRIBUTE), element.get_attribute(CARRIED_RESULTS_ATTRIBUTE)) {
            (Some(main), Some(results)) => Some(Carried { main, results }),
            _ => None,
        };
    for attribute in [HANDOVER_ATTRIBUTE, CARRIED_MAIN_ATTRIBUTE, CARRIED_RESULTS_ATTRIBUTE] {
        let _ = element.remove_attribute(attribute);
    }
    (start, back_up, carried)
}

/// Calls `mount_all` of a loaded build's module.
pub fn call_mount_all(module: &JsValue) {
    let mount =
        js_sys::Reflect::get(module, &"mount_all".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(mount) = mount {
        let _ = mount.call0(&JsValue::NULL);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_handed_over_survives_its_attribute() {
        for screen in [
            Screen::Share(7),
            Screen::Import,
            Screen::Shared,
            Screen::Teams,
            Screen::Compare(Side::Saved(u64::MAX), None),
            Screen::Compare(Side::Saved(1), Some(Side::Saved(u64::MAX))),
            Screen::Agenda(Side::Saved(0), None),
            Screen::Agenda(Side::Saved(3), Some(Side::Saved(4))),
            Screen::Compare(Side::Saved(5), Some(Side::Shared)),
            Screen::Agenda(Side::Shared, None),
            Screen::Agenda(Side::Saved(6), Some(Side::Shared)),
        ] {
            assert!(screen.needs_full(), "{screen:?}");
            let text = handover_text(screen).unwrap_or_else(|| panic!("{screen:?} has no handover"));
            assert_eq!(parse_handover(&text), Some(screen));
        }
        // The start screen's backup: the full build opens the start screen and writes it.
        assert_eq!(parse_handover(BACKUP_HANDOVER), Some(Screen::Start));
        for broken in
            ["share:x", "share:1:2", "compare:1:x", "import:1", "compare", "", "compare:1:2:3", "shared:1", "backup:1"]
        {
            assert_eq!(parse_handover(broken), None, "{broken}");
        }
        // Only the full build reaches these: nothing to hand over.
        for screen in [Screen::Team(1), Screen::Compare(Side::Saved(1), Some(Side::Team(2)))] {
            assert_eq!(handover_text(screen), None, "{screen:?}");
        }
    }
}
