//! Sharing, exporting and importing: the full build's browser I/O. The formats
//! themselves are pure (`codec::export`, `codec::link`); this module moves them
//! in and out of the browser (files, clipboard, the address fragment, passphrase
//! sealing through `js/share.js`) and reports back to the reducer as actions.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::Callback;

use crate::address;
use crate::codec::export::{self, ImportError, MAX_IMPORT_BYTES};
use crate::codec::link::{self, LinkError, Payload, Sealed, MAX_LINK_CHARS, NONCE_BYTES, SALT_BYTES, SEAL_ITERATIONS};
use crate::codec::team as team_codec;
use crate::incoming::{self, Admitted, MemberRefusal, Offered, Pasted, PastedError};
use crate::model::team::Team;
use crate::model::{Questionnaire, SavedResult};
use crate::platform::{now_ms, random_id};
use crate::state::{
    Action, FullAction, OpenedTeam, ShareStatus, SharedLink, Side, TeamAction, MAX_PASSPHRASE_CHARS,
    MIN_PASSPHRASE_CHARS,
};

#[wasm_bindgen(module = "/js/share.js")]
extern "C" {
    fn download(name: &str, text: &str, mime_type: &str);
    #[wasm_bindgen(catch, js_name = copyText)]
    async fn copy_text(text: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = chosenFile)]
    fn chosen_file(event: &web_sys::Event) -> JsValue;
    #[wasm_bindgen(js_name = chosenFiles)]
    fn chosen_files(event: &web_sys::Event) -> Vec<JsValue>;
    #[wasm_bindgen(js_name = fileName)]
    fn file_name(file: &JsValue) -> String;
    #[wasm_bindgen(js_name = fileSize)]
    fn file_size(file: &JsValue) -> f64;
    #[wasm_bindgen(catch, js_name = fileBytes)]
    async fn file_bytes(file: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = randomBytes)]
    fn random_bytes(count: usize) -> Vec<u8>;
    #[wasm_bindgen(catch)]
    async fn seal(
        plain: &[u8],
        passphrase: &str,
        salt: &[u8],
        nonce: &[u8],
        iterations: u32,
        bound: &[u8],
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    #[allow(clippy::too_many_arguments)]
    async fn unseal(
        ciphertext: &[u8],
        passphrase: &str,
        salt: &[u8],
        nonce: &[u8],
        iterations: u32,
        bound: &[u8],
        as_typed: bool,
    ) -> Result<JsValue, JsValue>;

    /// A clipboard write started in a click, its text given later (`js/share.js`).
    type PendingCopy;
    #[wasm_bindgen(constructor)]
    fn new() -> PendingCopy;
    #[wasm_bindgen(method)]
    fn fill(this: &PendingCopy, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn cancel(this: &PendingCopy);
    #[wasm_bindgen(js_name = linkBase)]
    fn link_base(configured: Option<String>) -> String;
    #[wasm_bindgen(js_name = canShare)]
    pub fn can_share() -> bool;
    #[wasm_bindgen(catch, js_name = shareSheet)]
    async fn share_sheet(title: &str, url: &str) -> Result<JsValue, JsValue>;
}

fn bytes_of(value: &JsValue) -> Vec<u8> {
    js_sys::Uint8Array::new(value).to_vec()
}

/// Hands a result's document to the browser's downloads.
pub fn download_result(result: &SavedResult, questionnaire: &Questionnaire) -> ShareStatus {
    let name = export::file_name(&result.label, result.finished_at_ms);
    download(&name, &export::encode_result(result, questionnaire), JSON);
    ShareStatus::Downloaded(name)
}

/// Hands a backup of every saved result and team to the browser's downloads.
pub fn download_backup(history: &[SavedResult], teams: &[Team], questionnaire: &Questionnaire) {
    let now = now_ms();
    download(&export::backup_file_name(now), &export::encode_backup(history, teams, questionnaire, now), JSON);
}

/// Hands a team's document to the browser's downloads.
pub fn download_team(team: &Team, questionnaire: &Questionnaire) -> ShareStatus {
    let now = now_ms();
    let name = team_codec::team_file_name(&team.name, now);
    download(&name, &team_codec::encode_team_document(team, questionnaire, now), JSON);
    ShareStatus::Downloaded(name)
}

/// The team link of `team` (the members' names and notes only when asked),
/// built like a result's link; or, when too long to pass on, its length.
pub fn team_link(
    team: &Team,
    questionnaire: &Questionnaire,
    carried: Carried,
    tag: &str,
    share_page: Option<&str>,
) -> Result<String, usize> {
    let fragment = team_codec::team_fragment(tag, team, questionnaire, carried.label, carried.notes);
    within_limit(format!("{}{fragment}", link_base(share_page.map(str::to_owned))))
}

/// Whether the address holds a team link (readable or not).
pub fn team_link_in_address() -> bool {
    address::fragment().starts_with(link::TEAM_PREFIX)
}

/// Opens a team link's payload.
pub fn open_team(payload: &[u8], questionnaire: &Questionnaire) -> OpenedTeam {
    match incoming::from_team_link(payload, questionnaire) {
        Ok(team) => OpenedTeam::Open(Rc::new(with_fresh_ids(team))),
        Err(error) => OpenedTeam::Unreadable(error),
    }
}

fn with_fresh_ids(mut team: Team) -> Team {
    for member in &mut team.members {
        member.id = random_id();
    }
    team
}

/// Reports members offered for `team`, each with a fresh id.
fn report_offered(team: u64, mut offered: Vec<Offered>, report: &Callback<Action>) {
    for members in offered.iter_mut().filter_map(|o| o.members.as_mut().ok()) {
        for member in members {
            member.id = random_id();
        }
    }
    report.emit(Action::Full(FullAction::Team(TeamAction::AddOffered { team, offered })));
}

/// Adds the members in pasted text (share links, or a document) to `team`.
pub fn add_member_text(text: &str, team: u64, questionnaire: &Questionnaire, report: &Callback<Action>) {
    report_offered(team, incoming::members_from_pasted(text, questionnaire), report);
}

/// Adds the members in every file chosen or dropped to `team`: results,
/// backups' results or team files' members; each file's size checked first.
pub fn add_member_files(event: &web_sys::Event, team: u64, questionnaire: Rc<Questionnaire>, report: Callback<Action>) {
    let files = chosen_files(event);
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let mut offered = Vec::with_capacity(files.len());
        for file in files {
            let members = if file_size(&file) > MAX_IMPORT_BYTES as f64 {
                Err(MemberRefusal::Document(ImportError::TooLarge { max: MAX_IMPORT_BYTES }))
            } else {
                match file_bytes(&file).await {
                    Ok(bytes) => incoming::members_from_document(&bytes_of(&bytes), &questionnaire),
                    Err(_) => Err(MemberRefusal::Document(ImportError::NotText)),
                }
            };
            offered.push(Offered { source: file_name(&file), members });
        }
        report_offered(team, offered, &report);
    });
}

/// Opens a team's file chosen or dropped as a new saved team.
pub fn open_team_file(event: &web_sys::Event, questionnaire: Rc<Questionnaire>, report: Callback<Action>) {
    let file = chosen_file(event);
    if file.is_null() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let team = if file_size(&file) > MAX_IMPORT_BYTES as f64 {
            Err(ImportError::TooLarge { max: MAX_IMPORT_BYTES })
        } else {
            match file_bytes(&file).await {
                Ok(bytes) => incoming::team_from_document(&bytes_of(&bytes), &questionnaire),
                Err(_) => Err(ImportError::NotText),
            }
        };
        let team = team.map(with_fresh_ids).map_err(MemberRefusal::Document);
        report.emit(Action::Full(FullAction::Team(TeamAction::Imported { id: random_id(), team })));
    });
}

/// Hands an agenda in Markdown to the browser's downloads.
pub fn download_agenda(label: &str, markdown: &str) -> ShareStatus {
    let name = export::named_file("partnership-readiness-agenda", label, now_ms(), "md");
    download(&name, markdown, "text/markdown");
    ShareStatus::Downloaded(name)
}

const JSON: &str = "application/json";

/// Copies `text`, then reports `done` (or the text, for copying by hand).
pub fn copy(text: String, done: ShareStatus, report: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let status = match copy_text(&text).await {
            Ok(_) => done,
            Err(_) => ShareStatus::CopyFailed(text),
        };
        report.emit(Action::Full(FullAction::Done(status)));
    });
}

/// What a share link carries besides the answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Carried {
    pub label: bool,
    pub notes: bool,
}

/// The plain share link of `result`, built on the host's share page (if it
/// named one) or this page; or, when it would be too long to pass on, its length.
pub fn plain_link(
    result: &SavedResult,
    questionnaire: &Questionnaire,
    carried: Carried,
    tag: &str,
    share_page: Option<&str>,
) -> Result<String, usize> {
    let encoded = link::encode_result(result, questionnaire, carried.label, carried.notes);
    within_limit(format!("{}{}", link_base(share_page.map(str::to_owned)), link::fragment(tag, &encoded)))
}

fn within_limit(link: String) -> Result<String, usize> {
    match link.chars().count() {
        length if length > MAX_LINK_CHARS => Err(length),
        _ => Ok(link),
    }
}

/// Seals the share link of `result` with `passphrase`, then copies it and
/// reports it (`FullAction::Sealed`). Called in the click: sealing takes a
/// moment, and the clipboard write must start inside the click for every
/// browser to allow it.
pub fn seal_link(
    result: &SavedResult,
    questionnaire: &Questionnaire,
    carried: Carried,
    passphrase: String,
    tag: &str,
    share_page: Option<&str>,
    report: Callback<Action>,
) {
    let done = |status| report.emit(Action::Full(FullAction::Done(status)));
    // Leading and trailing spaces do not count (the interface says so; js/share.js drops them).
    let length = passphrase.trim().chars().count();
    if length < MIN_PASSPHRASE_CHARS {
        return done(ShareStatus::PassphraseTooShort);
    }
    if length > MAX_PASSPHRASE_CHARS {
        return done(ShareStatus::PassphraseTooLong);
    }
    done(ShareStatus::Sealing);
    let encoded = link::encode_result(result, questionnaire, carried.label, carried.notes);
    let address = link_base(share_page.map(str::to_owned));
    let pending = PendingCopy::new();
    let tag = tag.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let (salt, nonce) = (random_bytes(SALT_BYTES), random_bytes(NONCE_BYTES));
        let plan = link::seal_plan(&tag, SEAL_ITERATIONS, &salt, &nonce);
        let status = match seal(&encoded, &passphrase, &salt, &nonce, SEAL_ITERATIONS, &plan.bound).await {
            Ok(ciphertext) => {
                match within_limit(format!("{address}{}", link::sealed_fragment(&tag, &plan, &bytes_of(&ciphertext)))) {
                    Ok(full) => {
                        report.emit(Action::Full(FullAction::Sealed(full.clone())));
                        match wasm_bindgen_futures::JsFuture::from(pending.fill(&full)).await {
                            Ok(_) => ShareStatus::LinkCopied,
                            Err(_) => ShareStatus::CopyFailed(full),
                        }
                    }
                    Err(length) => {
                        pending.cancel();
                        ShareStatus::LinkTooLong(length)
                    }
                }
            }
            // WebCrypto missing: a page on plain http (browsers offer it only on secure pages).
            Err(_) => {
                pending.cancel();
                ShareStatus::SealingUnavailable
            }
        };
        report.emit(Action::Full(FullAction::Done(status)));
    });
}

/// Hands `link` to the system share sheet, then reports that it was shared
/// (nothing when the person closed the sheet; the link to copy by hand when
/// the browser refused).
pub fn share_link(title: &str, link: String, report: Callback<Action>) {
    let title = title.to_owned();
    wasm_bindgen_futures::spawn_local(async move {
        let status = match share_sheet(&title, &link).await {
            Ok(shared) if shared.is_truthy() => ShareStatus::LinkShared,
            Ok(_) => return,
            Err(_) => ShareStatus::CopyFailed(link),
        };
        report.emit(Action::Full(FullAction::Done(status)));
    });
}

/// Gives each imported result a fresh id and reports the import.
fn report_import(outcome: Result<Admitted, PastedError>, report: &Callback<Action>) {
    let outcome = outcome.map(|mut imported| {
        for result in &mut imported.results {
            result.id = random_id();
        }
        imported
    });
    report.emit(Action::Full(FullAction::Import(outcome)));
}

/// Imports the file of a file input's change event or of a drop (one result
/// someone else's when `received`). Its size is checked before it is read.
pub fn import_file(event: &web_sys::Event, questionnaire: Rc<Questionnaire>, received: bool, report: Callback<Action>) {
    let file = chosen_file(event);
    if file.is_null() {
        return;
    }
    if file_size(&file) > MAX_IMPORT_BYTES as f64 {
        let too_large = ImportError::TooLarge { max: MAX_IMPORT_BYTES };
        report.emit(Action::Full(FullAction::Import(Err(PastedError::Document(too_large)))));
        return;
    }
    report.emit(Action::Full(FullAction::ImportReading));
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = match file_bytes(&file).await {
            Ok(bytes) => {
                let bytes = bytes_of(&bytes);
                restore_teams(&bytes, &questionnaire, &report);
                incoming::from_document(&bytes, &questionnaire, received)
            }
            Err(_) => Err(ImportError::NotText),
        };
        let outcome = outcome.map_err(PastedError::Document);
        report_import(outcome, &report);
    });
}

/// Compares `first` with the result in pasted text (a share link or a
/// result's document), imported as someone else's. A sealed link opens as in
/// the address, asking for its passphrase; a team link opens as a team.
pub fn compare_with_pasted(text: &str, questionnaire: &Questionnaire, first: Side, report: &Callback<Action>) {
    let imported = match incoming::from_pasted(text, questionnaire, true) {
        Ok(Pasted::Results(mut admitted)) => {
            for result in &mut admitted.results {
                result.id = random_id();
            }
            Ok(admitted)
        }
        Ok(other) => return open_pasted(other, report),
        Err(error) => Err(error),
    };
    report.emit(Action::Full(FullAction::CompareWithPasted { first, imported }));
}

/// Opens a pasted sealed link or team link as if it were in the address.
fn open_pasted(pasted: Pasted, report: &Callback<Action>) {
    match pasted {
        Pasted::Sealed(sealed) => report.emit(Action::Full(FullAction::LinkOpened(SharedLink::Locked {
            sealed: Rc::new(sealed),
            wrong_passphrase: false,
            opening: false,
        }))),
        Pasted::Team(team) => report.emit(Action::Full(FullAction::Team(TeamAction::LinkOpened(OpenedTeam::Open(
            Rc::new(with_fresh_ids(team)),
        ))))),
        Pasted::Results(admitted) => report_import(Ok(admitted), report),
    }
}

/// Restores the teams a backup carries (before its results are reported).
fn restore_teams(bytes: &[u8], questionnaire: &Questionnaire, report: &Callback<Action>) {
    let teams: Vec<Team> = incoming::teams_from_backup(bytes, questionnaire).into_iter().map(with_fresh_ids).collect();
    if !teams.is_empty() {
        let teams = teams.into_iter().map(|team| Team { id: random_id(), ..team }).collect();
        report.emit(Action::Full(FullAction::Team(TeamAction::Restored(teams))));
    }
}

/// Imports pasted text: a share link or a document (one result someone
/// else's when `received`). A sealed link opens as if it were in the
/// address, asking for its passphrase.
pub fn import_text(text: &str, questionnaire: &Questionnaire, received: bool, report: &Callback<Action>) {
    restore_teams(text.as_bytes(), questionnaire, report);
    match incoming::from_pasted(text, questionnaire, received) {
        Ok(pasted) => open_pasted(pasted, report),
        Err(error) => report_import(Err(error), report),
    }
}

/// Opens a result link's payload: a plain one at once, a sealed one asks for
/// its passphrase. (A team link opens on the team screen: [`open_team`].)
pub fn open_payload(payload: Result<Payload, LinkError>, questionnaire: &Questionnaire) -> SharedLink {
    match payload {
        Ok(Payload::Team(_)) => SharedLink::Unreadable(LinkError::Damaged),
        Ok(Payload::Plain(bytes)) => match incoming::from_link(&bytes, questionnaire) {
            Ok(result) => SharedLink::Open(Rc::new(result)),
            Err(error) => SharedLink::Unreadable(error),
        },
        Ok(Payload::Sealed(sealed)) => {
            SharedLink::Locked { sealed: Rc::new(sealed), wrong_passphrase: false, opening: false }
        }
        Err(error) => SharedLink::Unreadable(error),
    }
}

/// Tries `passphrase` on a sealed link (whose damage was ruled out when it was read).
pub fn unlock(sealed: Rc<Sealed>, passphrase: String, questionnaire: Rc<Questionnaire>, report: Callback<Action>) {
    report.emit(Action::Full(FullAction::Unlocking));
    wasm_bindgen_futures::spawn_local(async move {
        let opened = unseal(
            &sealed.ciphertext,
            &passphrase,
            &sealed.salt,
            &sealed.nonce,
            sealed.iterations,
            &sealed.bound,
            sealed.as_typed,
        )
        .await;
        let link = match opened {
            Ok(plain) => match incoming::from_link(&bytes_of(&plain), &questionnaire) {
                Ok(result) => SharedLink::Open(Rc::new(result)),
                Err(error) => SharedLink::Unreadable(error),
            },
            Err(_) => SharedLink::Locked { sealed, wrong_passphrase: true, opening: false },
        };
        report.emit(Action::Full(FullAction::LinkOpened(link)));
    });
}
