//! `compare` relates claims across outlets: a denial of involvement contradicts the accusation it
//! answers, a denial that only points at "the accusation" sides with it, and one speaker's own words
//! are never a contradiction. Invented events.
use corroborate_model::{Article, EvidenceRef, Relation};

fn evidence_text(cmp: &corroborate_model::Comparison, e: &EvidenceRef) -> String {
    let (a, span) = match *e {
        EvidenceRef::Attribution { article, index } => {
            (article, cmp.articles[article].analysis.attributions[index].content)
        }
        EvidenceRef::Statement { article, index } => (article, cmp.articles[article].analysis.statements[index].span),
    };
    span.slice(&cmp.articles[a].article.text).to_string()
}

#[test]
fn a_denial_of_involvement_contradicts_the_accusation() {
    let articles = vec![
        Article::new(
            "a",
            "Arvian leader vows inquiry into ferry blast\n\nPresident Mirela Voss said on Tuesday that \
             investigators would examine the blast at the Osk ferry terminal. \"We will find who did this,\" \
             Voss told reporters. Dmitry Orlov, the Belmark government spokesman, said Belmark had nothing \
             to do with it."
                .to_string(),
        ),
        Article::new(
            "b",
            "Belmark rejects blame for ferry blast\n\nArvia's president, Mirela Voss, accused Belmark of the \
             attack on the Osk ferry terminal. Government spokesman Dmitri Orlov rejected the accusation. \
             \"This is absurd,\" Orlov said. Voss later repeated the charge in a video address."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let contradictions: Vec<(usize, usize, &str)> = claims
        .iter()
        .enumerate()
        .flat_map(|(i, c)| {
            c.relations
                .iter()
                .filter(|r| r.relation == Relation::Contradicts)
                .map(move |r| (i, r.claim, r.reason.as_str()))
        })
        .filter(|(i, j, _)| i < j)
        .collect();
    // exactly one: the accusation against the denials; not the inquiry against the headline's rejection
    // of blame, not Orlov's "This is absurd" against his own rejection
    assert_eq!(contradictions.len(), 1, "{contradictions:?}\n{:#?}", claims.iter().map(texts).collect::<Vec<_>>());
    let (x, y, reason) = contradictions[0];
    let (accusation, denial) =
        if texts(&claims[x]).iter().any(|t| t.contains("nothing to do")) { (y, x) } else { (x, y) };
    let accusations = texts(&claims[accusation]);
    assert!(accusations.iter().any(|t| t == "Belmark of the attack on the Osk ferry terminal"), "{accusations:?}");
    // "repeated the charge" repeats the accusation
    assert!(accusations.iter().any(|t| t == "the charge in a video address"), "{accusations:?}");
    let denials = texts(&claims[denial]);
    assert!(denials.iter().any(|t| t == "Belmark had nothing to do with it"), "{denials:?}");
    assert!(denials.iter().any(|t| t == "the accusation"), "{denials:?}");
    assert!(reason.contains("nothing to do with") && reason.contains("rejected"), "{reason}");
    // a claim named by a scrap of content carries its source and cue
    assert!(
        claims.iter().any(|c| c.summary.starts_with("Arvia's president, Mirela Voss, accused Belmark")),
        "{:?}",
        claims.iter().map(|c| &c.summary).collect::<Vec<_>>()
    );
}

/// Every pair of claims `compare` relates as contradicting, with the texts of their evidence.
fn contradicting_texts(cmp: &corroborate_model::Comparison) -> Vec<(Vec<String>, Vec<String>)> {
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(cmp, e)).collect::<Vec<_>>();
    cmp.stories
        .iter()
        .flat_map(|s| {
            s.claims.iter().enumerate().flat_map(move |(i, c)| {
                c.relations
                    .iter()
                    .filter(move |r| r.relation == Relation::Contradicts && i < r.claim)
                    .map(move |r| (texts(c), texts(&s.claims[r.claim])))
            })
        })
        .collect()
}

/// The evidence texts of both sides of the one contradiction `compare` found (fails if not one).
fn the_one_contradiction(cmp: &corroborate_model::Comparison) -> Vec<String> {
    let found = contradicting_texts(cmp);
    assert_eq!(found.len(), 1, "{found:#?}");
    let (x, y) = found.into_iter().next().unwrap();
    x.into_iter().chain(y).collect()
}

#[test]
fn rejecting_a_plan_or_a_person_disputes_no_claim() {
    let articles = vec![
        Article::new(
            "a",
            "Lenmark council backs container port expansion\n\nThe Lenmark harbour council voted on Monday to \
             expand the container port, council leader Ana Pelt said. The expansion adds two berths and a rail \
             link to the Lenmark container port. Greenmere, an environmental group, said the port expansion \
             would flood the salt marsh north of Lenmark. Dock union leader Tomas Reyk rejected the council's \
             vision for the port as a giveaway to shipping firms."
                .to_string(),
        ),
        Article::new(
            "b",
            "Lenmark container port expansion wins council vote\n\nThe Lenmark harbour council approved the \
             container port expansion on Monday, adding two berths and a rail link. The council rejected claims \
             that the port expansion would flood the salt marsh. Pelt dismissed Reyk as a troublemaker who had \
             never supported the port. Residents denied the council a second hearing on the port expansion."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    // only the marsh: Reyk's rejection of a vision, Pelt's of Reyk, and a hearing denied to the
    // council say nothing claimed is false
    let both = the_one_contradiction(&cmp);
    assert!(both.iter().any(|t| t.contains("would flood the salt marsh north")), "{both:#?}");
    assert!(both.iter().any(|t| t.starts_with("claims that the port expansion would flood")), "{both:#?}");
}

#[test]
fn a_denial_contradicts_what_states_its_words_not_what_shares_two_names() {
    let articles = vec![
        Article::new(
            "a",
            "Tolvik ferry ran aground on the Skerries\n\nThe Tolvik ferry ran aground on the Skerries reef on \
             Sunday night, the coastguard said. The Tolvik ferry union won a vote on pay on Monday, union leader \
             Ada Brin said. Harbour master Mira Vell met port owner Harlan Osk at the Tolvik harbour office on \
             Tuesday."
                .to_string(),
        ),
        Article::new(
            "b",
            "Ferry operator denies grounding on the Skerries\n\nThe ferry operator denied that the Tolvik ferry \
             ran aground on the Skerries reef. The pay vote on Monday did not damage the Tolvik ferry \
             union. Port owner Harlan Osk dismissed Mira Vell's charges about the ferry budget."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    // only the grounding: "did not damage the union" disputes damage, not the vote it shares five
    // words with, and charges about a budget are not the meeting that names the same two people
    let both = the_one_contradiction(&cmp);
    assert!(both.iter().any(|t| t.contains("ran aground on the Skerries reef on")), "{both:#?}");
    assert!(both.iter().any(|t| t.contains("that the Tolvik ferry ran aground")), "{both:#?}");
    // where they meet: each side's own evidence first, the one that says it against the denial
    let story = cmp.stories.iter().find(|s| s.claims.iter().any(|c| !c.relations.is_empty())).unwrap();
    for (i, c) in story.claims.iter().enumerate() {
        for r in c.relations.iter().filter(|r| r.relation == Relation::Contradicts) {
            assert_eq!(r.evidence.len(), 2, "{r:?}");
            assert!(c.evidence.contains(&r.evidence[0]) && story.claims[r.claim].evidence.contains(&r.evidence[1]));
            let texts: Vec<String> = r.evidence.iter().map(|e| evidence_text(&cmp, e)).collect();
            let (said, denied) = if texts[0].starts_with("that") { (1, 0) } else { (0, 1) };
            assert!(texts[said].starts_with("The Tolvik ferry ran aground on the Skerries reef"), "{i}: {texts:?}");
            assert_eq!(texts[denied], "that the Tolvik ferry ran aground on the Skerries reef", "{i}: {texts:?}");
        }
    }
}

#[test]
fn a_side_that_agrees_with_a_denial_is_not_its_other_side() {
    let articles = vec![
        Article::new(
            "a",
            "Kell's mother stands by her son\n\nHer son did not commit the harbour fund fraud, Mira Kell said on \
             Monday. She has visited him every week since March."
                .to_string(),
        ),
        Article::new(
            "b",
            "Kell denies harbour fund fraud\n\nAron Kell denies the harbour fund fraud charges, his lawyer said \
             on Monday. The trial opens in Tolvik in June."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    // the mother's "did not commit the fraud" states no fraud: both sides deny it
    let found = contradicting_texts(&cmp);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_denial_that_names_the_claim_it_denies_contradicts_that_claim() {
    let articles = vec![Article::new(
        "a",
        "Tolvik budget row\n\nFinance minister Ivo Marsh vigorously denied Liberal Party claims that he had in \
         effect fiddled the harbour budget figures to meet his own spending rules."
            .to_string(),
    )];
    let cmp = corroborate_engine::compare(articles);
    // one sentence holds both sides, and the inner one is named as a claim: the Liberal Party's
    let both = the_one_contradiction(&cmp);
    assert!(both.iter().any(|t| t.starts_with("that he had in effect fiddled")), "{both:#?}");
    assert!(both.iter().any(|t| t.starts_with("Liberal Party claims that he had")), "{both:#?}");
}

#[test]
fn a_denial_split_by_its_attribution_clause_contradicts_what_it_denies() {
    let articles = vec![
        Article::new(
            "a",
            "Storm hits Osk harbour\n\nThe storm destroyed the Osk harbour wall on Monday night. Fishing boats \
             were moved inland before the surge, the Osk port authority said. Mayor Ilse Varn visited the Osk \
             harbour on Tuesday and promised repairs to the harbour wall."
                .to_string(),
        ),
        Article::new(
            "b",
            "Osk harbour wall holds after storm\n\nThe Osk harbour wall, port engineers said on Tuesday, was not \
             destroyed. Fishing boats stayed inland until the surge had passed, the Osk port \
             authority said. Mayor Ilse Varn visited the Osk harbour on Tuesday."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let claims = &cmp.stories[0].claims;
    let disputing: Vec<(usize, String)> = claims
        .iter()
        .flat_map(|c| c.relations.iter().filter(|r| r.relation == Relation::Contradicts && r.disputes))
        .map(|r| (r.evidence[0].article(), evidence_text(&cmp, &r.evidence[0])))
        .collect();
    // the engineers' denial ("The Osk harbour wall" + "was not destroyed": alone, the second part shares
    // too little with article a) disputes the wall's destruction that article a asserts
    assert!(!disputing.is_empty());
    for d in &disputing {
        assert_eq!(d, &(1, "was not destroyed".to_string()), "{disputing:?}");
    }
}

/// Counts of deaths that cannot both be true are shown where the two articles name the same place
/// and were published within days of each other; a death toll weeks later, or deaths elsewhere, are
/// no conflict.
#[test]
fn counts_conflict_only_about_one_place_at_one_time() {
    let article = |id: &str, date: &str, text: &str| {
        let mut a = Article::new(id, text.to_string());
        a.meta.published = Some(date.to_string());
        a
    };
    let report = "The Tarn dam in northern Arvia burst on Monday, sending floodwater through the \
        village of Osk and killing at least 40 people, rescue teams said. Interior Minister Dana Kovic \
        said the Tarn dam had been weakened by years of neglect.";
    let denial = |place: &str| {
        format!(
            "The Tarn dam in northern Arvia burst on Monday, Interior Minister Dana Kovic said, blaming \
             years of neglect. Officials in Belmark insisted that no one died in {place} when the \
             Tarn dam burst."
        )
    };
    let conflicts = |a: Article, b: Article| {
        let cmp = corroborate_engine::compare(vec![a, b]);
        assert_eq!(cmp.stories.len(), 1, "one story");
        cmp.stories[0].count_conflicts.iter().map(|c| c.what.clone()).collect::<Vec<_>>()
    };
    assert_eq!(conflicts(article("a", "2031-03-14", report), article("b", "2031-03-15", &denial("Osk"))), ["deaths"]);
    assert!(conflicts(article("a", "2031-03-14", report), article("b", "2031-04-20", &denial("Osk"))).is_empty());
    assert!(conflicts(article("a", "2031-03-14", report), article("b", "2031-03-15", &denial("Velkor"))).is_empty());
}

#[test]
fn a_denial_of_fraud_contradicts_the_charge_of_rigging() {
    let articles = vec![
        Article::new(
            "a",
            "Velkor council vote disputed\n\nThe Green League said the council vote in Velkor had been rigged, \
             and its leader Tomas Brandt said ballot boxes were stuffed in three wards. The council's \
             press office declined to comment on the fraud allegations."
                .to_string(),
        ),
        Article::new(
            "b",
            "Velkor returning officer defends count\n\nThe returning officer, Ana Mirel, said there was no \
             fraud in the Velkor council vote. \"Every ballot was counted in public,\" Mirel said."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    let sides = the_one_contradiction(&cmp);
    assert!(sides.iter().any(|t| t.contains("rigged")), "{sides:?}");
    assert!(sides.iter().any(|t| t.contains("no fraud")), "{sides:?}");
    // who declined to comment said nothing, and is no "said by" of the charge
    let claims = &cmp.stories[0].claims;
    assert!(claims.iter().all(|c| c.speakers.iter().all(|s| !s.contains("press office"))), "{claims:#?}");
    // a negated verb of reporting denies no fraud
    let cmp = corroborate_engine::compare(vec![
        Article::new("a", "Velkor council vote disputed\n\nThe Green League said the council vote in Velkor had been rigged.".to_string()),
        Article::new("b", "Velkor auditors\n\nAuditors said the Velkor council does not report fraud in the council vote to the regional office.".to_string()),
    ]);
    assert!(contradicting_texts(&cmp).is_empty(), "{:#?}", contradicting_texts(&cmp));
}

#[test]
fn turnout_figures_conflict() {
    let article = |id: &str, text: &str| {
        let mut a = Article::new(id, text.to_string());
        a.meta.published = Some("2031-05-12".to_string());
        a
    };
    let cmp = corroborate_engine::compare(vec![
        article(
            "a",
            "Velkor elects a new council\n\nTurnout in the Velkor council election was 64 percent, the \
             returning officer said. The Green League won nine of the 21 seats.",
        ),
        article(
            "b",
            "Velkor vote: Green League cries foul\n\nThe Green League said real turnout in the Velkor council \
             election was only 41 percent, not the 64 percent the returning officer announced. The \
             League won nine of the 21 seats.",
        ),
    ]);
    assert_eq!(cmp.stories.len(), 1);
    let conflicts = &cmp.stories[0].count_conflicts;
    assert_eq!(conflicts.iter().map(|c| c.what.as_str()).collect::<Vec<_>>(), ["turnout"], "{conflicts:#?}");
    assert_eq!(conflicts[0].sides.iter().map(|s| s.low.round()).collect::<Vec<_>>(), [64.0, 41.0]);
}

#[test]
fn a_thing_said_to_be_staged_contradicts_what_states_it() {
    // the fabrication shares one noun with what it disputes ("the blackout"), and sits in no topic
    // with it
    let articles = vec![
        Article::new(
            "a",
            "Blackout in Torvik leaves 40,000 homes without power\n\nA blackout left 40,000 homes in \
             Torvik without power on Monday night, the grid operator Nordlink said. Engineers traced \
             the fault to a burnt transformer near the harbour."
                .to_string(),
        ),
        Article::new(
            "b",
            "Who gains from the Torvik power cut?\n\nThe so-called blackout was staged to justify a new \
             energy levy. Nordlink, the grid operator in Torvik, has raised power prices twice this year, \
             and Torvik homes will pay more again. Residents of Torvik we spoke to had lights on all night."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    let sides = the_one_contradiction(&cmp);
    assert!(sides.iter().any(|t| t.contains("was staged")), "{sides:?}");
    assert!(sides.iter().any(|t| t.contains("blackout left") || t.contains("Blackout in Torvik")), "{sides:?}");
    // "militants staged attacks" carried them out: no dispute of the attack on the checkpoint
    let cmp = corroborate_engine::compare(vec![
        Article::new(
            "a",
            "Checkpoint attack\n\nAn attack on the Varn checkpoint killed three guards on Friday, the \
             border police said."
                .to_string(),
        ),
        Article::new(
            "b",
            "Militants in the hills\n\nMilitants have staged attacks on two checkpoints near Varn this \
             month, officials said."
                .to_string(),
        ),
    ]);
    assert!(contradicting_texts(&cmp).is_empty(), "{:#?}", contradicting_texts(&cmp));
}

#[test]
fn a_refuted_fabrication_contradicts_the_fabrication_not_the_thing() {
    // "the idea that the outbreak was staged is false" says the outbreak was real: it stands against
    // the staging claim, and is no part of it
    let articles = vec![
        Article::new(
            "a",
            "Cholera outbreak in Vesk grows to 19 cases\n\nThe cholera outbreak in the river town of Vesk \
             has grown to 19 cases, the regional health board said on Monday. Posts on social media claim \
             that the outbreak was staged by the health board to win more funding. Dr. Ilse Varga, who \
             leads the hospital's infection unit, said the idea that the outbreak was staged is false."
                .to_string(),
        ),
        Article::new(
            "b",
            "Vesk outbreak was staged, residents say\n\nThe so-called cholera outbreak in Vesk was staged \
             by the health board, residents told the Free Vesk Voice on Monday."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let refuting =
        claims.iter().position(|c| texts(c).iter().any(|t| t.contains("is false"))).expect("the refutation is a claim");
    assert!(
        !texts(&claims[refuting]).iter().any(|t| t.contains("was staged by")),
        "the refutation is grouped with the staging claim: {:?}",
        texts(&claims[refuting])
    );
    let against: Vec<Vec<String>> = claims[refuting]
        .relations
        .iter()
        .filter(|r| r.relation == Relation::Contradicts)
        .map(|r| texts(&claims[r.claim]))
        .collect();
    assert!(
        against.iter().any(|ts| ts.iter().any(|t| t.contains("was staged by"))),
        "the refutation contradicts no staging claim: {against:?}"
    );
}

#[test]
fn opposite_states_of_one_thing_contradict() {
    // "switched off" against "working", said of the sprinklers by two voices: two claims that
    // contradict, where before they were one claim both outlets carried
    let articles = vec![
        Article::new(
            "a",
            "Fire at Tarsk plant kills 12\n\nA fire at the Norvane plant in Tarsk killed 12 workers on \
             Tuesday night, the fire service said. \"The sprinklers in that hall had been switched off \
             for weeks,\" fire chief Pavel Ostrov said."
                .to_string(),
        ),
        Article::new(
            "b",
            "Tarsk plant fire\n\nA fire at the Norvane plant in Tarsk killed workers on Tuesday. Norvane \
             spokesman Erik Lund said the sprinklers were working on the night of the fire."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let off = claims.iter().position(|c| texts(c).iter().any(|t| t.contains("switched off"))).expect("claim");
    assert!(!texts(&claims[off]).iter().any(|t| t.contains("were working")), "{:?}", texts(&claims[off]));
    let against: Vec<(Vec<String>, &str)> = claims[off]
        .relations
        .iter()
        .filter(|r| r.relation == Relation::Contradicts)
        .map(|r| (texts(&claims[r.claim]), r.reason.as_str()))
        .collect();
    assert!(
        against
            .iter()
            .any(|(ts, reason)| ts.iter().any(|t| t.contains("were working")) && *reason == "switched off vs working"),
        "{against:?}"
    );
    // one voice saying both is no contradiction; nor are states of different things
    let cmp = corroborate_engine::compare(vec![
        Article::new(
            "a",
            "Tarsk plant\n\nThe sprinklers at the Norvane plant were working, the fire service said.".to_string(),
        ),
        Article::new(
            "b",
            "Tarsk plant\n\nThe alarms at the Norvane plant were broken, the fire service said.".to_string(),
        ),
    ]);
    assert!(contradicting_texts(&cmp).is_empty(), "{:#?}", contradicting_texts(&cmp));
}

#[test]
fn a_thing_said_not_to_have_worked_leaves_the_claim_that_it_worked() {
    // "never sounded" is the sirens not working: it goes with "were silent", against the mayor's
    // "were working", though the claims grouped it with the mayor's words
    let articles = vec![
        Article::new(
            "a",
            "Flood in Varna Dol\n\nA flood struck the village of Varna Dol on Friday. Residents said the \
             warning sirens never sounded. The mayor, Ivo Karsk, told reporters that the sirens were working \
             and had been tested last month."
                .to_string(),
        ),
        Article::new(
            "b",
            "Varna Dol flood\n\nA flood struck Varna Dol on Friday. Villagers told the Ledger that the sirens \
             were silent."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let working = claims.iter().position(|c| texts(c).iter().any(|t| t.contains("were working"))).expect("claim");
    assert!(!texts(&claims[working]).iter().any(|t| t.contains("never sounded")), "{:?}", texts(&claims[working]));
    let against: Vec<Vec<String>> = claims[working]
        .relations
        .iter()
        .filter(|r| r.relation == Relation::Contradicts)
        .map(|r| texts(&claims[r.claim]))
        .collect();
    assert!(against.iter().any(|ts| ts.iter().any(|t| t.contains("never sounded"))), "{against:?}");
}

#[test]
fn a_denial_in_a_relative_clause_contradicts_the_claim_it_follows() {
    // "Critics claim X, which he denies": one content, two voices, a claim and its denial
    let cmp = corroborate_engine::compare(vec![Article::new(
        "a",
        "Varna Dol flood\n\nMayor Ivo Karsk insisted the sirens had worked. Critics claim the mayor's office \
         ignored repeated warnings about the dam, which he denies."
            .to_string(),
    )]);
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let claimed = claims
        .iter()
        .position(|c| texts(c).iter().any(|t| t.contains("ignored repeated warnings")))
        .expect("the critics' claim");
    let against: Vec<(Vec<String>, &str)> = claims[claimed]
        .relations
        .iter()
        .filter(|r| r.relation == Relation::Contradicts)
        .map(|r| (texts(&claims[r.claim]), r.reason.as_str()))
        .collect();
    assert_eq!(against.len(), 1, "{against:?}");
    assert!(against[0].1.contains("denies"), "{against:?}");
    // a denial that a statement reports is one denial, not a claim and its denial
    let cmp = corroborate_engine::compare(vec![Article::new(
        "b",
        "Varna Dol protest

The police have denied attacking anyone, according to a government statement."
            .to_string(),
    )]);
    assert!(contradicting_texts(&cmp).is_empty(), "{:#?}", contradicting_texts(&cmp));
}

#[test]
fn a_side_that_says_the_same_in_other_words_is_no_contradiction() {
    // the operator's denial, its "no leak" and its spokesman's "intact" all say one thing; a train
    // carrying chemicals is no leak, and "people" alone makes no claim of two sentences
    let articles = vec![
        Article::new(
            "a",
            "Tanker train derails near Brell\n\nA freight train carrying industrial chemicals derailed near Brell \
             on Sunday, the county said. The operator, Kestrel Rail, denied that any tank car had been breached. \
             About 300 people left their homes as a precaution, the sheriff said."
                .to_string(),
        ),
        Article::new(
            "b",
            "Kestrel Rail: No Leak After Brell Derailment\n\nKestrel Rail said on Sunday that none of the tank cars \
             involved in the derailment near Brell had leaked. \"Every tank car is intact,\" said Ivo Dask, a \
             Kestrel spokesman. \"Our people did an outstanding job,\" he said."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles.clone());
    let found = contradicting_texts(&cmp);
    assert!(found.is_empty(), "{found:#?}");
    let claims = &cmp.stories[0].claims;
    let texts = |c: &corroborate_model::Claim| c.evidence.iter().map(|e| evidence_text(&cmp, e)).collect::<Vec<_>>();
    let left = claims.iter().find(|c| texts(c).iter().any(|t| t.contains("left their homes"))).expect("claim");
    assert!(!texts(left).iter().any(|t| t.contains("outstanding job")), "{:?}", texts(left));
    // what says the tank cars leaked contradicts the operator's "no leak"
    let mut more = articles;
    more.push(Article::new(
        "c",
        "Solvent in the Brell river\n\nA tank car was breached in the derailment near Brell and leaked solvent \
         into the river, state inspectors said on Monday."
            .to_string(),
    ));
    let cmp = corroborate_engine::compare(more);
    let found = contradicting_texts(&cmp);
    assert!(
        found.iter().any(|(x, y)| x.iter().chain(y).any(|t| t.contains("leaked solvent"))
            && x.iter().chain(y).any(|t| t.contains("had leaked"))),
        "{found:#?}"
    );
}

#[test]
fn a_denial_that_anything_was_done_contradicts_what_says_it_was() {
    let articles = vec![
        Article::new(
            "a",
            "Police fire on Osk march\n\nPolice in Osk fired tear gas and rubber bullets at thousands of \
             marchers on Friday, leaving at least 30 people hurt, according to the city hospital. Marchers \
             said they had been sitting in the square when the firing began."
                .to_string(),
        ),
        Article::new(
            "b",
            "Ministry praises Osk police\n\nThe interior ministry praised the police for their calm response \
             to the Osk march. A ministry spokesman said no rubber bullets had been fired and that claims of \
             dozens of injured marchers were wildly exaggerated."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    let sides = the_one_contradiction(&cmp);
    assert!(sides.iter().any(|t| t.contains("fired tear gas and rubber bullets")), "{sides:?}");
    assert!(sides.iter().any(|t| t.starts_with("no rubber bullets had been fired")), "{sides:?}");
}

/// An accusation made without an accusing verb ("traced the attack to a group ... linked to
/// Drevnia's military intelligence") is answered by the denials of Drevnia's ministry in both
/// outlets, "any involvement" (which shares no word with it) and "nothing to do with the outage"
/// (which shares "outage" with a casualty report, not an accusation).
#[test]
fn a_denial_answers_an_act_pinned_on_the_denier() {
    let articles = vec![
        Article::new(
            "a",
            "Cyberattack cuts power in Port Alder\n\nA cyberattack cut power to 200,000 homes in Port Alder on \
             Tuesday, the grid operator said. Energy Minister Tomas Reyl said investigators had traced the attack \
             to a group known as Frost Lynx, which researchers have linked to Drevnia's military intelligence \
             service. Drevnia's foreign ministry denied any involvement."
                .to_string(),
        ),
        Article::new(
            "b",
            "Calvera blames Drevnia for blackout\n\nThe Drevnian foreign ministry said on Wednesday that Drevnia \
             had nothing to do with the outage in Port Alder. No one was hurt in the outage, officials in Port \
             Alder said. The outage was caused by an overloaded substation, an energy analyst said."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let pairs = contradicting_texts(&cmp);
    let answers = |accusation: &str, denial: &str| {
        pairs.iter().any(|(x, y)| {
            x.iter().any(|t| t.contains(accusation)) && y.iter().any(|t| t.contains(denial))
                || y.iter().any(|t| t.contains(accusation)) && x.iter().any(|t| t.contains(denial))
        })
    };
    assert!(answers("investigators had traced the attack", "any involvement"), "{pairs:#?}");
    // (the headline's "Calvera blames Drevnia" is an accusation too)
    assert!(
        answers("investigators had traced the attack", "Drevnia had nothing to do with the outage")
            || answers("Drevnia for blackout", "Drevnia had nothing to do with the outage"),
        "{pairs:#?}"
    );
    assert!(!pairs.iter().flat_map(|(x, y)| x.iter().chain(y)).any(|t| t.contains("No one was hurt")), "{pairs:#?}");
}

/// An outlet that says the claims lack evidence disputes them: "offering no evidence for their
/// so-called 'cyberattack' claims" contradicts "A cyberattack cut power ...", though the two share
/// one word; on that dispute the outlet's voice sides with it.
#[test]
fn claims_said_to_lack_evidence_are_disputed() {
    let articles = vec![
        Article::new(
            "a",
            "Cyberattack cuts power in Port Alder\n\nA cyberattack cut power to 200,000 homes in Port Alder on \
             Tuesday, the grid operator said. Power was restored by Wednesday morning, the operator said."
                .to_string(),
        ),
        Article::new(
            "b",
            "Calvera blames Drevnia for blackout\n\nAuthorities in Calvera have rushed to blame Drevnia for a \
             blackout in Port Alder, offering no evidence for their so-called \"cyberattack\" claims. The grid \
             operator restored power to the homes in Port Alder by Wednesday."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(cmp.stories.len(), 1);
    let pairs = contradicting_texts(&cmp);
    assert!(
        pairs.iter().any(|(x, y)| {
            let (x, y) = (x.join(" | "), y.join(" | "));
            x.contains("A cyberattack cut power") && y.contains("no evidence for their so-called")
                || y.contains("A cyberattack cut power") && x.contains("no evidence for their so-called")
        }),
        "{pairs:#?}"
    );
    // the outlet's refutation disputes the cyberattack: on the disputing claim its voice asserts the
    // dispute, it does not refute it
    let story = &cmp.stories[0];
    let disputing = story
        .claims
        .iter()
        .find(|c| c.evidence.iter().any(|e| evidence_text(&cmp, e).contains("no evidence for their so-called")))
        .expect("a claim holds the outlet's refutation");
    let stance = disputing.stances.iter().find(|s| s.article == 1).map(|s| s.stance);
    assert_eq!(stance, Some(corroborate_model::Stance::Asserted), "{:?}", disputing.stances);
}

/// "nowhere near" is as negative as "not near": two outlets saying so agree.
#[test]
fn nowhere_near_agrees_with_not_near() {
    let articles = vec![
        Article::new(
            "a",
            "Envoy safe after Velk convoy attack\n\nOstrian sources said the envoy Ana Brel was nowhere near \
             Velk when the convoy was attacked on Monday."
                .to_string(),
        ),
        Article::new(
            "b",
            "Convoy attacked near Velk, envoy unhurt\n\n\"Ana Brel was not near Velk when the convoy was \
             attacked,\" a foreign ministry spokesman said on Monday."
                .to_string(),
        ),
    ];
    let cmp = corroborate_engine::compare(articles);
    assert_eq!(contradicting_texts(&cmp), Vec::<(Vec<String>, Vec<String>)>::new());
}

/// A text that itself calls the story false ("duped by the phony story") is on the side of the
/// dispute; a hoax named by its "that" clause disputes what that clause says happened (the death),
/// not a headline that shares the singer's name, and still contradicts whoever reports the death.
#[test]
fn a_debunking_side_is_no_side_of_the_story_it_debunks() {
    let agent = Article::new(
        "a",
        "Singer Ana Brel alive and well\n\nThousands of fans were duped by the phony story claiming the singer \
         Ana Brel had died in a car crash near Velk, her agent said on Monday. Brel is on tour in Ostria."
            .to_string(),
    );
    let label = Article::new(
        "b",
        "Ana Brel death report a hoax\n\nThe story that the singer Ana Brel died in a car crash near Velk is a \
         hoax, her record label said on Monday. The label said Brel would play in Osk on Friday."
            .to_string(),
    );
    let cmp = corroborate_engine::compare(vec![agent.clone(), label.clone()]);
    assert_eq!(contradicting_texts(&cmp), Vec::<(Vec<String>, Vec<String>)>::new());
    let radio = Article::new(
        "c",
        "Singer Ana Brel dies in crash\n\nThe singer Ana Brel died in a car crash near Velk on Sunday night, \
         local radio reported. Fans gathered outside her home in Osk."
            .to_string(),
    );
    let cmp = corroborate_engine::compare(vec![agent, label, radio]);
    let texts = the_one_contradiction(&cmp);
    assert!(texts.iter().any(|t| t.starts_with("The singer Ana Brel died in a car crash")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("The story that the singer Ana Brel died")), "{texts:?}");
}
