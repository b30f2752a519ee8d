//! The built-in model and the training path, on sentences we wrote ourselves.
use corroborate_fnc::{article_stance, ClaimStance, Pair, StanceModel, TrainConfig};

const CLAIM: &str = "Hurricane destroys historic lighthouse on Gull Island";

const AGREE_BODY: &str = "A hurricane destroyed the historic lighthouse on Gull Island on Monday, \
    officials confirmed. The 150-year-old lighthouse collapsed into the sea as winds reached 120 mph. \
    Photos released by the coast guard show the lighthouse reduced to rubble.";

const DISAGREE_BODY: &str = "Reports that a hurricane destroyed the historic lighthouse on Gull Island \
    are false. The story is a hoax: the lighthouse is still standing, the coast guard said, and the \
    photos shared online were fake. Officials denied that the lighthouse was damaged at all.";

const UNRELATED_BODY: &str = "The city council approved next year's school budget on Tuesday after a \
    long debate about teacher salaries and bus routes.";

#[test]
fn built_in_model_separates_related_from_unrelated() {
    let (s, p) = article_stance(CLAIM, UNRELATED_BODY).unwrap();
    assert_eq!(s, ClaimStance::Unrelated);
    assert!(p > 0.5);
    let (s, _) = article_stance(CLAIM, AGREE_BODY).unwrap();
    assert_ne!(s, ClaimStance::Unrelated);
    let (s, _) = article_stance(CLAIM, DISAGREE_BODY).unwrap();
    assert_ne!(s, ClaimStance::Unrelated);
}

#[test]
fn built_in_model_reads_refutation() {
    let m = StanceModel::embedded().unwrap();
    let agree = m.predict(CLAIM, AGREE_BODY);
    let refuted = m.predict(CLAIM, DISAGREE_BODY);
    let d = ClaimStance::Disagree.index();
    assert!(refuted.probs[d] > agree.probs[d], "{refuted:?} vs {agree:?}");
    assert!(agree.probs[ClaimStance::Agree.index()] > refuted.probs[ClaimStance::Agree.index()]);
    assert!((refuted.probs.iter().sum::<f32>() - 1.0).abs() < 1e-4);
}

#[test]
fn odd_inputs_do_not_panic() {
    for (c, b) in [("", ""), ("?", "!!!"), ("ÄÖÜ ✓ 漢字", "漢字 ✓"), (CLAIM, "")] {
        let (_, p) = article_stance(c, b).unwrap();
        assert!(p.is_finite());
    }
}

fn pair(h: &str, b: &str, s: ClaimStance) -> Pair {
    Pair { headline: h.into(), body_id: b.into(), stance: Some(s) }
}

#[test]
fn trains_and_round_trips_on_a_toy_set() {
    let bodies: Vec<(String, String)> = vec![
        ("1".into(), "The river dam broke after heavy rain and flooded the valley, officials confirmed.".into()),
        ("2".into(), "Claims that the river dam broke are a hoax; engineers denied any damage to the dam.".into()),
        ("3".into(), "A rare spider was found in a tourist's suitcase at the airport, staff confirmed.".into()),
        ("4".into(), "The spider in the suitcase story is fake, the airport said, denying the report.".into()),
        ("5".into(), "The council approved the budget for schools and roads.".into()),
    ];
    let mut pairs = Vec::new();
    for _ in 0..5 {
        pairs.push(pair("River dam breaks in heavy rain", "1", ClaimStance::Agree));
        pairs.push(pair("River dam breaks in heavy rain", "2", ClaimStance::Disagree));
        pairs.push(pair("Spider found in tourist suitcase", "3", ClaimStance::Agree));
        pairs.push(pair("Spider found in tourist suitcase", "4", ClaimStance::Disagree));
        pairs.push(pair("River dam breaks in heavy rain", "5", ClaimStance::Unrelated));
        pairs.push(pair("Spider found in tourist suitcase", "5", ClaimStance::Unrelated));
        pairs.push(pair("River dam breaks in heavy rain", "3", ClaimStance::Unrelated));
        pairs.push(pair("Spider found in tourist suitcase", "1", ClaimStance::Unrelated));
    }
    let mut config = TrainConfig::default();
    config.related.rounds = 20;
    config.stance.rounds = 20;
    config.related.min_child_weight = 0.1;
    config.stance.min_child_weight = 0.1;
    let model = StanceModel::train(&bodies, &pairs, &config).unwrap();
    let preds = model.predict_pairs(&bodies, &pairs);
    let right = preds.iter().zip(&pairs).filter(|(p, g)| Some(p.stance) == g.stance).count();
    assert_eq!(right, pairs.len());
    let back = StanceModel::from_bytes(&model.to_bytes()).unwrap();
    assert_eq!(back, model);
    assert_eq!(back.to_bytes(), model.to_bytes());
    // a body id that is not there is scored as an empty body
    let lost = model.predict_pairs(&bodies, &[pair("River dam breaks in heavy rain", "99", ClaimStance::Agree)]);
    assert_eq!(lost[0].stance, ClaimStance::Unrelated);
}

#[test]
fn training_without_labels_is_an_error() {
    let p = Pair { headline: "x".into(), body_id: "1".into(), stance: None };
    assert!(StanceModel::train(&[], &[p], &TrainConfig::default()).is_err());
}

#[test]
fn explanation_points_at_the_claim_sentences() {
    let body = format!("Weather: calm.\n{AGREE_BODY}");
    let a = corroborate_fnc::article_stance_explained(CLAIM, &body).unwrap();
    assert_ne!(a.stance, ClaimStance::Unrelated);
    let first = a.evidence.first().expect("evidence");
    assert!(first.slice(&body).starts_with("A hurricane destroyed the historic lighthouse"), "{a:?}");
    assert!(a.evidence.iter().all(|s| !s.slice(&body).contains("Weather")));
    let u = corroborate_fnc::article_stance_explained(CLAIM, UNRELATED_BODY).unwrap();
    assert!(u.evidence.is_empty());
}

#[test]
fn many_claims_against_one_body_match_single_calls() {
    let claims = [CLAIM, "School budget approved by the city council", "Lighthouse still standing"];
    let many = corroborate_fnc::article_stances(&claims, AGREE_BODY).unwrap();
    assert_eq!(many.len(), 3);
    for (c, a) in claims.iter().zip(&many) {
        assert_eq!(&corroborate_fnc::article_stance_explained(c, AGREE_BODY).unwrap(), a);
    }
    assert_eq!(many[1].stance, ClaimStance::Unrelated);
}

/// A long body whose subject is elsewhere but which states the claim in passing.
const PASSING_BODY: &str = "A storm flooded the harbour of Port Selwyn on Sunday night, and fishermen \
    spent the morning pumping water out of their boats. The harbour master said the sea wall had held \
    but the pier lights failed at midnight. Crews from the mainland arrived by ferry with generators. \
    Ferries will run on a reduced timetable until the pier is repaired, the operator said, and schools \
    stay closed on Monday. The storm also tore roofs from two warehouses near the fish market, where \
    traders lost a week of stock. Insurers said claims would be assessed within the month. Forecasters \
    expect calmer weather by Wednesday, though gales may return at the weekend. Volunteers handed out \
    blankets and hot meals at the community hall through the night. Some twelve thousand people live \
    there. The mayor thanked the crews and asked residents to report damaged power lines.";

#[test]
fn a_body_that_states_the_claim_is_never_unrelated_to_it() {
    use corroborate_fnc::{article_stances, article_stances_given, ClaimQuery};
    let claims = ["Some twelve thousand people live on Port Selwyn island", "City council approves school budget"];
    let blind = article_stances(&claims, PASSING_BODY).unwrap();
    assert!(blind[0].probs[ClaimStance::Unrelated.index()] > 0.0, "{:?}", blind[0]);
    let queries = [ClaimQuery { text: claims[0], carried: true }, ClaimQuery { text: claims[1], carried: false }];
    let given = article_stances_given(&queries, PASSING_BODY).unwrap();
    assert_ne!(given[0].stance, ClaimStance::Unrelated, "{:?}", given[0]);
    assert!((given[0].probs.iter().sum::<f32>() - 1.0).abs() < 1e-4);
    assert_eq!(given[0].probs[ClaimStance::Unrelated.index()], 0.0);
    assert!(given[0].evidence.iter().any(|s| s.slice(PASSING_BODY).contains("twelve thousand")), "{:?}", given[0]);
    // a claim the body does not state is judged on its words as before
    assert_eq!(given[1], blind[1]);
    assert_eq!(given[1].stance, ClaimStance::Unrelated);
}
