use super::*;

#[test]
fn disputes_detects_fabrication_and_negated_concepts() {
    assert!(disputes("the video of the killings was staged"));
    assert!(disputes("a false flag operation by the rebels"));
    assert!(disputes("the mayor didn't mention any killings"));
    assert!(!disputes("troops killed civilians in the town"));
    assert!(!disputes("they did not let aid into the city"));
}

#[test]
fn features_merge_synonyms() {
    let f = Featurizer::new();
    let a = f.features("civilians were executed by troops");
    let b = f.features("soldiers killed residents");
    assert!(a.contains(&"KILL".to_string()) && b.contains(&"KILL".to_string()));
    assert!(a.contains(&"TROOPS".to_string()) && b.contains(&"TROOPS".to_string()));
}

#[test]
fn paraphrases_without_shared_words_are_one_claim() {
    use corroborate_embed::Embedder;
    let f = Featurizer::new();
    let texts = [
        "Officials ordered residents to leave their homes.",
        "The cheese fair drew record crowds.",
        "Authorities told people to evacuate.",
        "The ferry to the island was cancelled because of the storm.",
    ];
    let feats: Vec<Vec<String>> = texts.iter().map(|t| f.features(t)).collect();
    let vecs = tfidf(&feats);
    let table = embeddings().expect("bundled table");
    let sent: Vec<Vec<f32>> = texts.iter().map(|t| table.embed(t)).collect();
    let groups = cluster(&vecs, &sent, &[0, 1, 2, 3], CLAIM_LINK);
    assert!(groups.contains(&vec![0, 2]), "{groups:?}");
    assert_eq!(groups.len(), 3, "{groups:?}");
    // the sentence vectors alone (no shared word counted) link the paraphrase, not the others
    assert!(unit_similarity(0.0, &sent[0], &sent[2]) > CLAIM_LINK);
    assert_eq!(unit_similarity(0.0, &sent[0], &sent[1]), 0.0);
    assert_eq!(unit_similarity(0.0, &sent[2], &sent[3]), 0.0);
}

#[test]
fn a_hedged_mention_joins_the_plain_claim_it_hedges() {
    // The Herald states the flooding; Belmark's own voice calls it "the alleged flooding of Osk".
    // The hedge says how Belmark holds the claim, not what the claim is: the mention must group
    // with the plain statement, not be kept apart by the word "alleged" (and the statement must
    // not go to a denial that shares only a "destroy" concept with it).
    let f = Featurizer::new();
    assert_eq!(f.features("the alleged flooding of Osk"), f.features("the flooding of Osk"));
    assert_eq!(f.features("a so-called rescue plan"), f.features("a rescue plan"));
    let texts = [
        "Floodwater destroyed more than 200 homes and the only bridge out of the valley, cutting off the village for most of the day.",
        "alleged flooding of Osk",
        "any involvement in the collapse",
        "any role in the collapse",
        "any role in the collapse",
        "clean water and blankets were urgently needed",
        "it had sent two field hospitals to Osk",
    ];
    let feats: Vec<Vec<String>> = texts.iter().map(|t| f.features(t)).collect();
    let vecs = tfidf(&feats);
    let groups = cluster(&vecs, &[], &(0..texts.len()).collect::<Vec<_>>(), CLAIM_LINK);
    let of = |i: usize| groups.iter().position(|g| g.contains(&i)).unwrap();
    assert_eq!(of(0), of(1), "{groups:?} {feats:?}");
    assert_ne!(of(0), of(2), "{groups:?}");
    assert_ne!(of(1), of(5), "{groups:?}");
}
