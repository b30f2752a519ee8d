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
    let all = [0, 1, 2, 3];
    let groups = cluster(&vecs, &sent, &all, CLAIM_LINK);
    assert!(groups.contains(&vec![0, 2]), "{groups:?}");
    assert_eq!(groups.len(), 3, "{groups:?}");
    // the words alone share nothing
    assert_eq!(cluster(&vecs, &[], &all, CLAIM_LINK).len(), 4);
}
