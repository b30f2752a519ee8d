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
