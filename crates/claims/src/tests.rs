use super::*;

#[test]
fn disputes_detects_fabrication_and_negated_concepts() {
    assert!(disputes("the video of the killings was staged"));
    assert!(disputes("a false flag operation by the rebels"));
    assert!(disputes("the mayor didn't mention any killings"));
    assert!(!disputes("troops killed civilians in the town"));
    assert!(!disputes("they did not let aid into the city"));
    assert!(disputes("the blast was arranged to frame the rebels"));
    assert!(!disputes("the photo frame was broken"));
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
