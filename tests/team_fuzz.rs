//! Teams leaving the browser and coming back: property tests that every team
//! survives its link, its document, a backup and storage, and a seeded fuzzer
//! feeding 100,000+ random, mutated and spliced team links and documents to
//! every team decoder, which must never panic and never let in more than the
//! limits allow. `team_link_lengths` prints the figure `scripts/bench.mjs` shows.
#![cfg(not(target_arch = "wasm32"))]

use partnership_readiness::codec::base64url;
use partnership_readiness::codec::export::encode_backup;
use partnership_readiness::codec::link::{parse_fragment, widget_tag, Payload};
use partnership_readiness::codec::store::MAX_TIME_MS;
use partnership_readiness::codec::team::{
    decode_backup_teams, decode_team, decode_team_document, decode_teams, encode_team_document, encode_teams,
    team_fragment,
};
use partnership_readiness::model::team::{Team, MAX_MEMBERS, MAX_TEAMS, TEAM_NAME_MAX_CHARS};
use partnership_readiness::model::{
    Answer, Questionnaire, Rating, Responses, SavedResult, LABEL_MAX_CHARS, NOTE_MAX_CHARS,
};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

#[path = "support/arbitrary.rs"]
mod arbitrary;
#[path = "support/rng.rs"]
mod rng;
use arbitrary::arbitrary_result;
use rng::Rng;

/// A team as the widget keeps it: up to `max_members` arbitrary results
/// (at least one), any name, id and time.
fn arbitrary_team(max_members: usize) -> impl Strategy<Value = Team> {
    let members = proptest::collection::vec(arbitrary_result(), 1..=max_members);
    (any::<u64>(), any::<String>(), 0..=MAX_TIME_MS, any::<bool>(), members).prop_map(
        |(id, name, created_ms, show_names, members)| settled(Team { id, name, created_ms, show_names, members }),
    )
}

/// `team` held to the rules until nothing changes. Normalizing twice: a name or
/// label cut at its limit just after a space keeps that space the first time
/// (it is trimmed before it is cut), so a second pass may still trim it.
fn settled(mut team: Team) -> Team {
    for _ in 0..2 {
        team.normalize();
    }
    team
}

/// What a team link carries of `team`: no ids or time, members received,
/// labels and notes as asked (names shown when labels came along).
fn carried_by_link(team: &Team, labels: bool, notes: bool) -> Team {
    let members: Vec<SavedResult> = team
        .members
        .iter()
        .map(|m| {
            let mut member = SavedResult { id: 0, received: true, ..m.clone() };
            if !labels {
                member.label.clear();
            }
            if !notes {
                member.responses.notes = Default::default();
            }
            member
        })
        .collect();
    let show_names = labels && members.iter().any(|m| !m.label.is_empty());
    Team { id: 0, created_ms: 0, show_names, members, name: team.name.clone() }
}

fn open_link(link: &str, q: &Questionnaire) -> Option<Team> {
    match parse_fragment(link)? {
        Ok((_, Payload::Team(payload))) => decode_team(&payload, q).ok(),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_team_survives_its_link(team in arbitrary_team(MAX_MEMBERS), labels: bool, notes: bool) {
        let q = Questionnaire::builtin();
        let link = team_fragment("abcdef", &team, &q, labels, notes);
        prop_assert_eq!(open_link(&link, &q), Some(carried_by_link(&team, labels, notes)));
    }

    #[test]
    fn every_team_survives_its_document(team in arbitrary_team(8), now in 0..=MAX_TIME_MS) {
        let q = Questionnaire::builtin();
        let decoded = decode_team_document(encode_team_document(&team, &q, now).as_bytes(), &q).unwrap();
        let members = team.members.iter().map(|m| SavedResult { id: 0, received: true, ..m.clone() }).collect();
        prop_assert_eq!(decoded, Team { id: 0, created_ms: now, members, ..team });
    }

    #[test]
    fn every_team_survives_a_backup_and_storage(teams in proptest::collection::vec(arbitrary_team(4), 0..4)) {
        let q = Questionnaire::builtin();
        prop_assert_eq!(decode_teams(&encode_teams(&teams)).unwrap(), teams.clone());
        let backed_up: Vec<Team> = teams
            .iter()
            .map(|t| Team {
                id: 0,
                members: t.members.iter().map(|m| SavedResult { id: 0, ..m.clone() }).collect(),
                ..t.clone()
            })
            .collect();
        prop_assert_eq!(decode_backup_teams(encode_backup(&[], &teams, &q, 1).as_bytes(), &q).unwrap(), backed_up);
    }
}

/// Whether `team` is within every limit a team from outside is held to.
fn within_limits(team: &Team) -> bool {
    team.members.len() <= MAX_MEMBERS
        && team.name.chars().count() <= TEAM_NAME_MAX_CHARS
        && team.members.iter().all(|m| {
            m.label.chars().count() <= LABEL_MAX_CHARS
                && m.responses.notes.iter().all(|(_, note)| note.chars().count() <= NOTE_MAX_CHARS)
        })
}

/// Every team decoder on `bytes`: how many of them let a team in.
fn decode_everything(bytes: &[u8], q: &Questionnaire) -> [bool; 5] {
    let text = std::str::from_utf8(bytes).ok();
    let link = text.and_then(parse_fragment).map(|parsed| match parsed {
        Ok((_, Payload::Team(payload))) => decode_team(&payload, q).ok(),
        _ => None,
    });
    let link = link.flatten();
    let payload = decode_team(bytes, q).ok();
    let document = decode_team_document(bytes, q).ok();
    let backup = decode_backup_teams(bytes, q).ok();
    let stored = text.and_then(|text| decode_teams(text).ok());
    for team in link.iter().chain(&payload) {
        assert!(!team.members.is_empty(), "a link carries one member at least: {team:?}");
    }
    for team in link.iter().chain(&payload).chain(&document) {
        assert!(within_limits(team), "{team:?}");
    }
    for teams in backup.iter().chain(&stored) {
        assert!(teams.len() <= MAX_TEAMS && teams.iter().all(within_limits), "{teams:?}");
    }
    [link.is_some(), payload.is_some(), document.is_some(), backup.is_some(), stored.is_some()]
}

#[test]
fn a_hundred_thousand_random_mutated_and_spliced_team_inputs_never_panic_a_decoder() {
    let q = Questionnaire::builtin();
    let mut rng = Rng(0x7ea3_f022_c0de_c0de);
    // Small seeds (texts cut to a few characters, three members at most) keep
    // the 120,000 cases quick; the property tests above cover large teams.
    let seeds: Vec<Team> = {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        (0..6)
            .map(|_| {
                let mut team = arbitrary_team(3).new_tree(&mut runner).unwrap().current();
                team.name = team.name.chars().take(10).collect();
                for member in &mut team.members {
                    member.label = member.label.chars().take(8).collect();
                    let notes: Vec<(String, String)> = member
                        .responses
                        .notes
                        .iter()
                        .map(|(id, note)| (id.to_owned(), note.chars().take(8).collect()))
                        .collect();
                    for (id, note) in notes {
                        member.responses.set_note(&id, &note);
                    }
                }
                settled(team)
            })
            .collect()
    };
    let links: Vec<Vec<u8>> = seeds
        .iter()
        .map(|t| team_fragment("abcdef", t, &q, rng.below(2) == 0, rng.below(2) == 0).into_bytes())
        .collect();
    let payloads: Vec<Vec<u8>> = links
        .iter()
        .filter_map(|link| match parse_fragment(std::str::from_utf8(link).ok()?)? {
            Ok((_, Payload::Team(payload))) => Some(payload),
            _ => None,
        })
        .collect();
    let documents: Vec<Vec<u8>> = seeds
        .iter()
        .map(|t| encode_team_document(t, &q, 1_764_309_600_000).into_bytes())
        .chain([encode_backup(&seeds[..1].iter().flat_map(|t| t.members.clone()).collect::<Vec<_>>(), &seeds, &q, 0)
            .into_bytes()])
        .chain([encode_teams(&seeds).into_bytes()])
        .collect();
    let valid: Vec<&Vec<u8>> = links.iter().chain(&payloads).chain(&documents).collect();
    let mut opened = [0usize; 5];
    let started = std::time::Instant::now();
    let cases = 120_000;
    for case in 0..cases {
        let mut bytes = match case % 6 {
            0 => documents[rng.below(documents.len())].clone(),
            1 => links[rng.below(links.len())].clone(),
            // A link's payload, checksum already verified: the decoder meets the damage itself.
            2 => payloads[rng.below(payloads.len())].clone(),
            3 => (0..rng.below(300)).map(|_| rng.next() as u8).collect(),
            4 => {
                // Random data behind a valid prefix, so decoders get past their first checks.
                let mut bytes = b"#pr3.abcdef.".to_vec();
                let random: Vec<u8> = (0..rng.below(120)).map(|_| rng.next() as u8).collect();
                let mut data = vec![4];
                data.extend(random);
                bytes.extend(base64url::encode(&data).into_bytes());
                bytes
            }
            _ => {
                // A splice: the start of one valid input and the end of another.
                let (first, second) = (rng.pick(&valid), rng.pick(&valid));
                let mut bytes = first[..rng.below(first.len() + 1)].to_vec();
                bytes.extend_from_slice(&second[rng.below(second.len() + 1)..]);
                bytes
            }
        };
        for _ in 0..rng.below(4) {
            rng.mutate(&mut bytes);
        }
        match std::panic::catch_unwind(|| decode_everything(&bytes, &q)) {
            Ok(decoded) => {
                for (count, decoded) in opened.iter_mut().zip(decoded) {
                    *count += usize::from(decoded);
                }
            }
            Err(_) => panic!("case {case}: a decoder panicked on {:?}", String::from_utf8_lossy(&bytes)),
        }
    }
    // Some mutations leave a valid input: every decoder was exercised on both paths.
    assert!(opened.iter().all(|&n| n > 0), "links, payloads, documents, backups, stored: {opened:?}");
    println!("team fuzz: {cases} cases in {:.1} s, opened {opened:?}", started.elapsed().as_secs_f64());
}

/// A fully answered member without label or notes, finished at a recent time.
fn fully_answered(q: &Questionnaire, n: u64) -> SavedResult {
    let mut responses = Responses::default();
    for (i, statement) in q.principles.iter().flat_map(|p| &p.statements).enumerate() {
        responses.set_answer(&statement.id, Answer::Rated(Rating::ALL[(i + n as usize) % 5]));
    }
    SavedResult::finish(q, responses, "", n, 1_764_309_600_000 + n * 86_400_000)
}

#[test]
fn team_link_lengths() {
    let q = Questionnaire::builtin();
    let tag = widget_tag("partnership-readiness");
    let length = |members: u64| {
        let team = Team {
            id: 1,
            name: String::new(),
            created_ms: 0,
            show_names: false,
            members: (0..members).map(|n| fully_answered(&q, n)).collect(),
        };
        let link = team_fragment(&tag, &team, &q, false, false);
        assert_eq!(open_link(&link, &q).map(|t| t.members.len()), Some(members as usize));
        link.len()
    };
    let (three, ten) = (length(3), length(10));
    assert!(three <= 300, "{three}");
    println!("team link: 3 members {three} chars, 10 members {ten} chars");
}
