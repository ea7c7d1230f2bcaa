//! Results leaving the browser: property tests that every result survives its
//! export document and its share link unchanged, and a seeded fuzzer feeding
//! 100,000+ random and mutated documents and links to both decoders, which must
//! never panic (they return an error for anything they cannot read).
#![cfg(not(target_arch = "wasm32"))]

use partnership_readiness::codec::export::{decode_import, encode_backup, encode_result};
use partnership_readiness::codec::link::{
    decode_result, encode_result as encode_link, fragment, parse_fragment, seal_plan, sealed_fragment, Payload,
    NONCE_BYTES, SALT_BYTES, SEAL_ITERATIONS,
};
use partnership_readiness::incoming;
use partnership_readiness::model::{Questionnaire, Responses, SavedResult, LABEL_MAX_CHARS, NOTE_MAX_CHARS};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

#[path = "support/arbitrary.rs"]
mod arbitrary;
#[path = "support/rng.rs"]
mod rng;
use arbitrary::arbitrary_result;
use rng::Rng;

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_result_survives_its_export_document(result in arbitrary_result()) {
        let q = Questionnaire::builtin();
        let imported = incoming::from_document(encode_result(&result, &q).as_bytes(), &q, true).unwrap();
        // One result's document is someone else's result.
        prop_assert_eq!(imported.results, vec![SavedResult { received: true, ..result }]);
        prop_assert!(imported.unknown_ids.is_empty());
    }

    #[test]
    fn every_result_survives_a_backup(first in arbitrary_result(), second in arbitrary_result()) {
        let q = Questionnaire::builtin();
        let history = vec![first, second];
        let imported = decode_import(encode_backup(&history, &[], &q, 1).as_bytes(), &q).unwrap();
        prop_assert_eq!(imported, history);
    }

    #[test]
    fn every_result_survives_its_share_link(result in arbitrary_result()) {
        let q = Questionnaire::builtin();
        let link = fragment("abcdef", &encode_link(&result, &q, true, true));
        let Some(Ok((_, Payload::Plain(bytes)))) = parse_fragment(&link) else { panic!("{link}") };
        prop_assert_eq!(decode_result(&bytes, &q).unwrap(), result.clone());
        // Without texts: the same answers and time, no label, no notes.
        let short = fragment("abcdef", &encode_link(&result, &q, false, false));
        let Some(Ok((_, Payload::Plain(bytes)))) = parse_fragment(&short) else { panic!("{short}") };
        let opened = decode_result(&bytes, &q).unwrap();
        prop_assert_eq!(&opened.responses.answers, &result.responses.answers);
        prop_assert!(opened.label.is_empty() && opened.responses.notes.is_empty());
        prop_assert!(short.len() <= 200);
    }

    #[test]
    fn texts_are_capped_as_at_input(label in ".{0,300}", note in ".{0,900}") {
        let q = Questionnaire::builtin();
        let mut responses = Responses::default();
        responses.set_note(&q.principles[0].id, &note);
        let result = SavedResult::finish(&q, responses, &label, 0, 0);
        prop_assert!(result.label.chars().count() <= LABEL_MAX_CHARS);
        prop_assert!(result.responses.note(&q.principles[0].id).chars().count() <= NOTE_MAX_CHARS);
    }
}

#[test]
fn a_hundred_thousand_random_and_mutated_inputs_never_panic_a_decoder() {
    let q = Questionnaire::builtin();
    let mut rng = Rng(0x0123_4567_89ab_cdef);
    // Short seeds (notes cut to a few characters) keep the 110,000 cases quick.
    let seeds: Vec<SavedResult> = {
        let mut runner = proptest::test_runner::TestRunner::deterministic();
        (0..8)
            .map(|_| {
                let mut result = arbitrary_result().new_tree(&mut runner).unwrap().current();
                let notes: Vec<(String, String)> = result
                    .responses
                    .notes
                    .iter()
                    .map(|(id, n)| (id.to_owned(), n.chars().take(12).collect()))
                    .collect();
                for (id, note) in notes {
                    result.responses.set_note(&id, &note);
                }
                result.label = result.label.chars().take(12).collect();
                result
            })
            .collect()
    };
    let documents: Vec<Vec<u8>> = seeds
        .iter()
        .map(|r| encode_result(r, &q).into_bytes())
        .chain([encode_backup(&seeds, &[], &q, 0).into_bytes()])
        .collect();
    let mut links: Vec<Vec<u8>> = seeds
        .iter()
        .map(|r| fragment("abcdef", &encode_link(r, &q, rng.below(2) == 0, rng.below(2) == 0)).into_bytes())
        .collect();
    // Sealed links: a header of their own, and ciphertext the fuzzer cannot tell from noise.
    for iterations in [SEAL_ITERATIONS, 2_000_000] {
        let salt: Vec<u8> = (0..SALT_BYTES).map(|_| rng.next() as u8).collect();
        let nonce: Vec<u8> = (0..NONCE_BYTES).map(|_| rng.next() as u8).collect();
        let plan = seal_plan("abcdef", iterations, &salt, &nonce);
        let ciphertext: Vec<u8> = (0..60).map(|_| rng.next() as u8).collect();
        links.push(sealed_fragment("abcdef", &plan, &ciphertext).into_bytes());
    }
    let (mut documents_read, mut links_opened, mut sealed_read) = (0, 0, 0);
    for case in 0..110_000 {
        let mut bytes = match case % 4 {
            0 => documents[rng.below(documents.len())].clone(),
            1 => links[rng.below(links.len())].clone(),
            2 => (0..rng.below(200)).map(|_| rng.next() as u8).collect(),
            _ => {
                // Random bytes behind a valid prefix, so decoders get past their first checks.
                let mut bytes = if rng.below(2) == 0 { b"#pr1.abcdef.".to_vec() } else { b"#pr2.abcdef.".to_vec() };
                bytes.extend(
                    (0..rng.below(120))
                        .map(|_| b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"[rng.below(64)]),
                );
                bytes
            }
        };
        for _ in 0..rng.below(4) {
            rng.mutate(&mut bytes);
        }
        let outcome = std::panic::catch_unwind(|| {
            let document = decode_import(&bytes, &q).is_ok();
            let parsed = std::str::from_utf8(&bytes).ok().and_then(parse_fragment);
            let link = parsed.as_ref().is_some_and(|parsed| match parsed {
                Ok((_, Payload::Plain(payload))) => decode_result(payload, &q).is_ok(),
                _ => false,
            });
            let sealed = matches!(parsed, Some(Ok((_, Payload::Sealed(_)))));
            (document, link, sealed)
        });
        match outcome {
            Ok((document, link, sealed)) => {
                documents_read += usize::from(document);
                links_opened += usize::from(link);
                sealed_read += usize::from(sealed);
            }
            Err(_) => panic!("case {case}: a decoder panicked on {:?}", String::from_utf8_lossy(&bytes)),
        }
    }
    // Some mutations leave a valid input: the decoders were exercised on both paths.
    assert!(
        documents_read > 0 && links_opened > 0 && sealed_read > 0,
        "{documents_read} documents, {links_opened} links, {sealed_read} sealed links"
    );
}
