use super::*;

#[test]
fn disputes_detects_fabrication_and_negated_concepts() {
    assert!(disputes("the video of the killings was staged"));
    assert!(disputes("a false flag operation by the rebels"));
    assert!(disputes("the mayor didn't mention any killings"));
    assert!(!disputes("troops killed civilians in the town"));
    // a negated event disputes that event only, not the killings of the same town
    assert!(matches!(
        disputed(&Featurizer::new(), "they did not let aid into the city"),
        Disputed::Negates(Negated::Predicate { .. })
    ));
    assert!(disputes("the blast was arranged to frame the rebels"));
    assert!(!disputes("the photo frame was broken"));
    // a ploy to blame someone makes the blame up; someone to blame does not
    assert!(disputes("the same tactics were used by the rebels to blame the army for the deaths"));
    assert!(disputes("a crude attempt to discredit the ministry"));
    assert!(!disputes("the families want someone to blame for the deaths"));
    assert!(!disputes("prosecutors sought to blame the company for the spill"));
    // faults found in an account doubt it; in data or a game they doubt no claim
    assert!(disputes("pointed out inconsistencies in the official story of the blast"));
    assert!(!disputes("pointed out inconsistencies in the tax data"));
    assert!(!disputes("there were inconsistencies in his game this season"));
    // staging that fakes nothing, refusals that deny nothing
    assert!(!disputes("when the senator took the stage in Ohio"));
    assert!(!disputes("dock workers staged a protest at the port"));
    assert!(disputes("the rescue was staged for the cameras"));
    // a fabrication refuted is no dispute of the thing: it says the thing was real
    assert!(!disputes("the idea that the outbreak was staged is false"));
    assert!(!disputes("the rescue was not staged"));
    assert!(!disputes("the ministry denied that the footage was faked"));
    assert!(!disputes("there is no evidence the video was doctored"));
    assert!(disputes("the ministry dismissed the claims as fake"));
    assert!(disputes("the footage was staged, a provocation that is false from start to end"));
    assert!(disputes("troops were not there and the rescue was staged"));
    assert!(!disputes("the board rejected the takeover offer"));
    assert!(!disputes("the court denied bail"));
    // a prize withheld is no denial: "British stars denied major Oscars"
    assert!(refuses("major Oscars") && refuses("the top prize"));
    assert!(disputes("the ministry rejected claims that troops fired"));
    assert!(!disputes("there is no denying the dam burst"));
    // a "that" clause called untrue is disputed
    assert!(disputes("it wasn't true that the mayor's car had been stolen"));
    assert!(disputes("it is simply false that ballots were found in the river"));
    assert!(!disputes("it is true that ballots were found in the river"));
    // a claim called untrue is disputed; a claim of untruth, or a verdict on something else, is not
    assert!(disputes("A claim circulating online that more ballots were cast in Osk than there are voters is false"));
    assert!(disputes("Rumours that the mayor's car has been stolen have been greatly exaggerated"));
    assert!(disputes("that the mayor's car had been stolen proved to be untrue"));
    assert!(!disputes("Vell's accusation that the harbour articles were misleading"));
    assert!(!disputes("that the error came from a piece in the Osk daily whose headline was misleading"));
    assert!(!disputes("that some of the things they are asking you to do are ridiculous"));
    assert!(!disputes("a rise in vaccine denial"));
    assert!(!disputes("the reporters were denied access to the port"));
    assert!(!disputes("the rule would deny us a fair hearing"));
    assert!(disputes("the claims were denied by the ministry"));
    assert!(!disputes("the club will reject any formal offer for the stadium"));
    assert!(!disputes("the first offer was rejected in December"));
    assert!(!disputes("the music they invented"));
    assert!(disputes("an invented story about the dam"));
    assert!(!disputes("the coach was dismissed after the defeat"));
    assert!(disputes("the ministry dismissed the reports"));
    // a rejection or dismissal disputes a claim, not a plan, a policy or a person
    assert!(!disputes("the senator rejected Obama's new gun actions"));
    assert!(disputes("the senator rejected the allegations"));
    assert!(disputes("the minister dismissed suggestions that the budget would be cut"));
    assert!(!disputes("Trump dismissed Walker as an ineffective leader"));
    assert!(disputes("the ministry dismissed the video as fake"));
    assert!(disputes("those claims were rejected by the ministry"));
    assert!(!disputes("he had been soundly rejected by an electorate"));
    // withholding is no denial: "deny someone something"
    assert!(!disputes("Republicans denied Garland a hearing"));
    assert!(!disputes("the government could deny them mining permits"));
    assert!(!disputes("the party denied everyday Americans a real voice"));
    assert!(!disputes("the law would deny services to gays and lesbians"));
    assert!(disputes("the artist denied comparing the idea with dictatorships"));
    assert!(disputes("the ministry denied the allegations the paper printed"));
    assert!(!disputes("an attack whose nature cannot be denied"));
    // fake and forged things are not disputes of a claim; faked evidence is
    assert!(!disputes("bankers opened fake accounts"));
    assert!(disputes("the photos are fake"));
    assert!(disputes("the rebels published fake photos of the dam"));
    assert!(disputes("the video was faked"));
    assert!(!disputes("he has forged a reputation as a hard worker"));
    assert!(disputes("the letter was forged"));
    assert!(disputes("officials showed forged documents"));
    assert!(!disputes("her email set-up at the department"));
    assert!(disputes("the blast was a set-up"));
    assert!(!disputes("North Korea's latest provocation"));
    assert!(!disputes("reforms to the provocation defence"));
    assert!(disputes("the flood was a staged provocation"));
    assert!(!disputes("the dollar staged something of a recovery"));
    assert!(!disputes("ways to keep prices high without killing off demand"));
    // claims said to lack evidence are disputed; evidence lacking for something else is not
    assert!(disputes("the authorities blamed Drevnia, offering no evidence for their so-called cyberattack claims"));
    assert!(disputes("the ministry provided no proof to support the allegations"));
    let unsupported = |t: &str| unsupported_claims(&words(t).collect::<Vec<_>>()).is_some();
    assert!(!unsupported("the inspectors found no evidence of cracks in the wall"));
    assert!(!unsupported("there was no evidence for years that the dam had cracked"));
    // a denial of involvement on its own words
    assert!(disputes("Belmark had nothing to do with it"));
    assert!(disputes("the navy was not involved in the sinking"));
    // sport: a save or a referee withholds, a city stages a race
    assert!(!disputes("poor decisions denied his side a famous victory"));
    assert!(!disputes("the referee denied England two tries"));
    assert!(!disputes("the race was staged in Newcastle three years ago"));
    assert!(!disputes("the city staged the championship final"));
    // framing someone fakes; framing a plan as something does not
    assert!(!disputes("it has been careful to frame its plans as more than just a road"));
    // a negation disputes the concept it negates, and says which
    assert_eq!(
        disputed(&Featurizer::new(), "the vote did not damage the union"),
        Disputed::Negates(Negated::Concept("DESTROY"))
    );
    assert_eq!(disputed(&Featurizer::new(), "the ministry denied that the vote did not damage it"), Disputed::Plainly);
    assert_eq!(disputed(&Featurizer::new(), "he did not kill the deer"), Disputed::Negates(Negated::Concept("KILL")));
    // curly apostrophes, straight scare quotes and "cannot" read as their plain forms
    assert_eq!(disputed(&Featurizer::new(), "he didn’t kill the deer"), Disputed::Negates(Negated::Concept("KILL")));
    assert_eq!(
        disputed(&Featurizer::new(), "they cannot have attacked the dam"),
        Disputed::Negates(Negated::Concept("ATTACK"))
    );
    assert!(disputes("the video of the flood was 'staged'"));
    // any other negated predicate, with what it is of
    assert_eq!(
        disputed(&Featurizer::new(), "Vell is not really qualified to be harbour master"),
        Disputed::Negates(Negated::Predicate {
            word: "qualifi".into(),
            object: "harbour".into(),
            subject: vec!["vell".into()],
            agentless: false
        })
    );
    assert!(!disputes("we want no part in the listing"));
    // a "no" that names a kind of rule denies nothing; one before its noun does
    assert!(!disputes("a strict no food or drinks policy at the harbour office has been issued"));
    assert!(!disputes("the no vote won in Osk"));
    assert!(disputes("it is an issue no voter in Osk has been told about"));
    // nor does a condition, or a negated intent
    assert!(!disputes("if no harbour candidate wins a majority of delegates"));
    assert!(!disputes("he did not mean to close the harbour"));
    // but not an intent or a purpose
    assert!(!disputes("he did not intend to kill the deer"));
    assert!(!disputes("making sure they are not nuclear strikes"));
    // wanting no part refuses; having had none denies
    assert!(!disputes("we want no part in the listing"));
    assert!(disputes("we had no part in the listing"));
    // criticism is disputed only with what it claims
    assert!(!disputes("the governor dismissed critique of his performance"));
    assert!(disputes("the governor dismissed criticism that the closure made the city less safe"));
    // a right withheld
    assert!(!disputes("they deny the right to question them"));
    // a passive denial cue deprives: "rights that had been | denied | victims"
    assert!(deprived("rights that had been ", "victims of shootings"));
    assert!(!deprived("the claims were ", "by the ministry"));
    assert!(!deprived("The ministry ", "the report"));
}

#[test]
fn the_two_sides_of_a_contradiction_speak_of_one_thing() {
    let f = Featurizer::new();
    let meet = |x: &str, y: &str| {
        let (fx, (fy, core, _)) = (f.affirmed_features(x, x), f.disputed_parts(y));
        let a: HashSet<&str> = fx.iter().map(String::as_str).collect();
        let d: HashSet<&str> = fy.iter().map(String::as_str).collect();
        let (lx, ly) = (f.lowercase_features(x), f.lowercase_features(y));
        let negates = disputed(&f, y).negates();
        let least = if blanket(&f, negates.as_ref(), &d) { 1 } else { MIN_COMMON };
        say_the_same(&a, &d, negates.as_ref(), least, |c| lx.contains(c) || ly.contains(c))
            && core.iter().any(|c| a.contains(c.as_str()))
    };
    // what is denied is the core of the denied clause, not a circumstance after it
    let split = "Vell denied his shadow cabinet was split over its decision to back the Tolvik ferry tax plans";
    assert!(!meet("The Osk party is to back the Tolvik ferry tax plans", split));
    assert!(meet("Vell's shadow cabinet was split over the Tolvik ferry tax plans", split));
    // a denial inside the text disputes what follows it, not who denies
    let artist = "An artist critical of harbour funding under Tolvik board control has denied comparing the idea \
                  with dictatorships in Osk and Brel";
    assert!(!meet("Harbour funding came under Tolvik board control on Monday", artist));
    assert!(meet("The artist compared the idea with the dictatorships in Osk and Brel", artist));
    // a dispute of something negative says the positive
    let positive = |x: &str, y: &str| {
        let fx = f.affirmed_features(x, x);
        let a: HashSet<&str> = fx.iter().map(String::as_str).collect();
        says_the_positive(&a, &f.disputed_parts(y).2)
    };
    let unaware = "rejects a suggestion that Vell was unaware of the Tolvik harbour fraud";
    assert!(positive("Vell 'aware' of Tolvik harbour fraud", unaware));
    assert!(!positive("Vell was unaware of the Tolvik harbour fraud", unaware));
    assert!(positive("Vell paid the harbour tax", "dismissed a report that Vell will not pay the harbour tax"));
    assert!(!positive("Vell paid the harbour tax", "dismissed a report that Vell paid the harbour tax"));
    // reporting a charge does not state what it charges
    assert!(!meet(
        "Vell was granted bail on charges of robbery and blackmail in Osk",
        "Vell denied the robbery and blackmail in Osk"
    ));
    assert!(meet("Vell took part in the robbery and blackmail in Osk", "Vell denied the robbery and blackmail in Osk"));
    assert!(meet("The ferry ran aground on the Skerries reef", "that the ferry ran aground on the reef"));
    // the negated concept must be what the other side states
    assert!(!meet("The Tolvik ferry union won a vote on pay", "The pay vote did not damage the Tolvik ferry union"));
    assert!(meet("The storm damaged the Tolvik ferry", "The storm did not damage the Tolvik ferry"));
    // a dispute of nothing but its concept answers every statement of it; with more, it needs more
    let blanket = "We have seen no evidence of fraud of any kind";
    assert!(meet("the Osk vote had been riddled with irregularities", blanket));
    assert!(meet("The Osk mayoral election was stolen", "there was no evidence of fraud"));
    assert!(!meet("the Osk vote had been riddled with irregularities", "there was no fraud in the harbour ward"));
    // names alone are whom both speak of, not what they say
    assert!(!meet("Mira Vell met Harlan Osk on Tuesday", "Mira Vell's charges about Harlan Osk's budget"));
    // two words shared by two long sentences are a topic
    assert!(!meet(
        "Passengers waited on the quay for six hours while divers from three ports checked the hull and rudder",
        "that passengers waited while the managers ate a long lunch in the hotel by the station",
    ));
    // what one side negates it does not state
    assert!(!meet("Her son did not commit the harbour fund fraud", "Aron Kell denies the harbour fund fraud charges"));
    assert!(meet("Her son took money from the harbour fund", "Aron Kell denies the harbour fund fraud charges"));
    // an accusation disputes what it claims, after its "that", not who makes it
    assert!(!meet(
        "Aron Vell Is Raising Funds For Harbour Candidates",
        "Aron Vell's accusations that the port board is breaking the election law through its joint fund deal",
    ));
    // nor what it is against, about or of: its target, not its maker
    let against = "the board chair dismisses Aron Vell's accusations against Mira Osk's fundraising";
    assert!(!meet("Aron Vell Is Fundraising For Harbour Candidates", against));
    assert!(meet("Mira Osk's fundraising broke the harbour election law", against));
    // a claim noun says nothing claimed
    assert!(!meet("Vell's families claim the ferry sank", "Vell's claim"));
    // a negated predicate meets what states it of the same thing
    assert!(meet(
        "Mira Vell is overwhelmingly qualified to be harbour master",
        "Mira Vell is not qualified to be harbour master"
    ));
    assert!(meet("the ferry's bell was stolen from the quay", "the ferry's bell had not been stolen from the quay"));
    // the other side states the predicate of the same subject, plainly
    let Disputed::Negates(Negated::Predicate { word, object, subject, .. }) =
        disputed(&f, "Tolvik Party has not won Skerry Harbour since 2000")
    else {
        panic!("a negated predicate")
    };
    let outlet: &[String] = &[];
    assert!(f.states("the Tolvik Party won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    assert!(f.states("they won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    // what should be done is not said to be done
    assert!(!f.states("they should have won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    assert!(f.states("they’ve won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    assert!(!f.states("the Osk League won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    assert!(!f.states("the Tolvik Party refused to say it won Skerry Harbour", &word, &object, &subject, outlet));
    // "we" is whoever says it: the party itself, not the Osk League
    let (party, league) = (f.features("Tolvik Party"), f.features("Osk League"));
    assert!(f.states("we won Skerry Harbour by ten points", &word, &object, &subject, &party));
    assert!(!f.states("we won Skerry Harbour by ten points", &word, &object, &subject, &league));
    assert!(!f.states("we won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    // a possessive names no subject
    assert!(!f.states("their candidate won Skerry Harbour by ten points", &word, &object, &subject, outlet));
    // "no X had been done" denies that anyone did it; of two clauses joined by "and that", the
    // negating one is what is disputed
    let none = "no rubber bullets had been fired and that claims of dozens of injured marchers were exaggerated";
    let Disputed::Negates(Negated::Predicate { word, object, subject, agentless: true }) = disputed(&f, none) else {
        panic!("a passive denied of no one")
    };
    assert!(subject.is_empty());
    let fired = "Police in Osk fired tear gas and rubber bullets at the marchers";
    assert!(meet(fired, none));
    assert!(f.states(fired, &word, &object, &subject, outlet));
    assert!(!meet("Police in Osk fired tear gas at the marchers", none));
    assert!(!f.states(
        "Police in Osk fired tear gas at the marchers and rubber bullets were found",
        &word,
        &object,
        &subject,
        outlet
    ));
    // a predicate with nothing after it but a particle says not what of ("not liberal enough")
    assert_eq!(disputed(&f, "Vell's harbour policies are not liberal enough"), Disputed::No);
}

#[test]
fn denials_of_involvement_name_their_denier_and_reach_what_it_stands_for() {
    assert_eq!(
        denies_involvement("Belmark had nothing to do with it", Some("Dmitry Orlov"), false).as_deref(),
        Some("Belmark")
    );
    assert_eq!(
        denies_involvement("it played no role in the blast", Some("the ministry"), false).as_deref(),
        Some("the ministry")
    );
    assert_eq!(denies_involvement("rejects blame for ferry blast", Some("Belmark"), true).as_deref(), Some("Belmark"));
    assert_eq!(denies_involvement("rejected the findings", Some("Belmark"), true), None);
    // people a relative clause describes deny nothing
    assert_eq!(
        denies_involvement(
            "was misleading because it left out meetings with officials who had nothing to do with the fund",
            Some("the campaign"),
            false
        ),
        None
    );
    // the Kremlin speaks for Russia, whose capital is Moscow
    assert!(mentions("Moscow of the attack", "Kremlin"));
    assert!(mentions("Russian troops fired", "the Kremlin"));
    assert!(!mentions("Paris of the attack", "Kremlin"));
    assert!(points_elsewhere("the accusation") && points_elsewhere("these claims") && !points_elsewhere("the attack"));
    assert!(points_elsewhere("the charge in a video address") && points_elsewhere("the accusation as absurd"));
    assert!(!points_elsewhere("the allegations of having anything to do with the blast"));
    assert_eq!(accused("Belmark of the attack").as_deref(), Some("Belmark"));
    // a person by the surname, not a body by its last word
    assert!(mentions("Orlov signed the order", "Dmitry Orlov"));
    assert!(!mentions("the ministry of health", "Defence Ministry"));
    assert!(about_self("that she would accept new speeches") && !about_self("that the ferry sank"));
    // the involvement is near the denial's start, not any "part" further on
    assert_eq!(
        denies_involvement("denied that the army was involved in the raid", Some("Belmark"), true).as_deref(),
        Some("Belmark")
    );
    assert_eq!(
        denies_involvement(
            "rejected that idea saying the evidence is only a small part of the case",
            Some("Ana Ruiz"),
            true
        ),
        None
    );
    // a body named for a country no list knows stands for it: by its owner or its adjective
    assert!(mentions("a group linked to Drevnia's military intelligence", "Drevnia's foreign ministry"));
    assert!(mentions("hackers linked to Drevnian intelligence", "the Drevnian foreign ministry"));
    assert!(!mentions("hackers linked to Osk intelligence", "the Drevnian foreign ministry"));
}

#[test]
fn contents_that_pin_an_act_on_someone_name_whom() {
    assert_eq!(
        pinned_on(
            "investigators had traced the attack to a group known as Frost Lynx, which researchers linked to Drevnia"
        )
        .as_deref(),
        Some("Frost Lynx, which researchers linked to Drevnia")
    );
    assert_eq!(
        pinned_on("the attack was the work of hackers linked to Drevnian intelligence").as_deref(),
        Some("Drevnian intelligence")
    );
    assert_eq!(
        pinned_on("reports that Egypt and the United Arab Emirates were behind the strikes").as_deref(),
        Some("United Arab Emirates")
    );
    // no one named, or nothing pinned
    assert_eq!(pinned_on("the attack was the work of professionals"), None);
    assert_eq!(pinned_on("the only account ever linked to Banksy was closed"), None);
    assert_eq!(pinned_on("power was restored by 3 a.m."), None);
}

#[test]
fn what_is_said_to_be_made_up() {
    let f = Featurizer::new();
    let thing = |t: &str| {
        let mut v: Vec<String> = f.fabricated_subject(t).into_iter().flatten().collect();
        v.sort();
        v
    };
    // the subject a fabrication is said of, without the hedge
    assert_eq!(thing("The so-called blackout was staged to justify a new levy"), ["blackout"]);
    assert_eq!(thing("rumours that the dam breach had been faked"), ["breach", "dam"]);
    assert_eq!(thing("the ferry sinking was a hoax"), ["ferri", "sink"]);
    // the thing made: evidence, deaths, a blast
    assert_eq!(thing("the rebels published doctored photos of the port"), ["MEDIA"]);
    assert_eq!(thing("the militia had staged more alleged killings of villagers"), ["KILL"]);
    assert_eq!(thing("Belmark is staging civilian killings to frame the army"), ["CIVILIAN", "KILL"]);
    // a pronoun or a claim names nothing; made-up criticisms are no evidence; a refuted or denied
    // fabrication asserts none
    assert!(thing("this was staged").is_empty());
    assert!(thing("the claims are fake").is_empty());
    assert!(thing("the senator's campaign of fabricated attacks").is_empty());
    assert!(thing("the idea that the blackout was staged is false").is_empty());
    assert!(thing("the ministry denied that the footage was faked").is_empty());
    // carrying out an attack fakes nothing; saying the attack was staged does
    assert!(!disputes("militants staged attacks on two checkpoints"));
    assert!(!disputes("the rebels staged a raid on the depot"));
    assert!(disputes("the attack on the checkpoint was staged"));
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
    let sent: Vec<Vec<f32>> = texts
        .iter()
        .map(|t| {
            let mut v = table.embed(t);
            corroborate_embed::normalize(&mut v);
            v
        })
        .collect();
    let sparse = sparse_unit_vectors(&vecs);
    let groups = cluster(&sparse, &sent, &[], &[0, 1, 2, 3], CLAIM_LINK, &NEVER);
    assert!(groups.contains(&vec![0, 2]), "{groups:?}");
    assert_eq!(groups.len(), 3, "{groups:?}");
    // the sentence vectors alone (no shared word counted) link the paraphrase, not the others
    assert!(paraphrase(dot(&sent[0], &sent[2])) > CLAIM_LINK);
    assert_eq!(paraphrase(dot(&sent[0], &sent[1])), 0.0);
    assert_eq!(paraphrase(dot(&sent[2], &sent[3])), 0.0);
}

/// Random sparse word vectors over a small vocabulary, so that many pairs share words; weights from a
/// fine grid, so that no two candidate merges tie.
fn random_vectors(seed: u64, n: usize) -> Vec<Vector> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..n)
        .map(|_| {
            let mut v = Vector::default();
            for _ in 0..1 + next() % 5 {
                v.insert(format!("w{}", next() % 16), 1.0 + (next() % 10_000) as f32 / 997.0);
            }
            v
        })
        .collect()
}

/// Cosine of two word vectors, by the definition.
fn cosine(a: &Vector, b: &Vector) -> f32 {
    let dot: f32 = a.iter().filter_map(|(k, v)| b.get(k).map(|w| v * w)).sum();
    let na: f32 = a.values().map(|v| v * v).sum::<f32>().sqrt();
    let nb: f32 = b.values().map(|v| v * v).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The plain definition: after each merge, rescan every pair of clusters for the highest average of
/// pair cosines.
fn reference_clusters(vecs: &[Vector], link: f32) -> Vec<Vec<usize>> {
    let mut clusters: Vec<Vec<usize>> = (0..vecs.len()).map(|i| vec![i]).collect();
    loop {
        let mut best = (link, 0, 0);
        for a in 0..clusters.len() {
            for b in a + 1..clusters.len() {
                let s: f32 = clusters[a]
                    .iter()
                    .flat_map(|&x| clusters[b].iter().map(move |&y| (x, y)))
                    .map(|(x, y)| cosine(&vecs[x], &vecs[y]))
                    .sum();
                let avg = s / (clusters[a].len() * clusters[b].len()) as f32;
                if avg > best.0 {
                    best = (avg, a, b);
                }
            }
        }
        if best.1 == best.2 {
            break;
        }
        let moved = clusters.remove(best.2);
        clusters[best.1].extend(moved);
    }
    clusters
}

fn normalized(mut c: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    c.iter_mut().for_each(|m| m.sort_unstable());
    c.sort();
    c
}

#[test]
fn heap_clustering_matches_the_plain_definition() {
    for seed in 1..40 {
        let vecs = random_vectors(seed, 30);
        let idx: Vec<usize> = (0..vecs.len()).collect();
        for link in [0.15, 0.3, 0.5] {
            let got = normalized(cluster(&sparse_unit_vectors(&vecs), &[], &[], &idx, link, &NEVER));
            assert_eq!(got, normalized(reference_clusters(&vecs, link)), "seed {seed}, link {link}");
        }
    }
}

#[test]
fn units_beyond_the_cap_join_their_topics_or_start_their_own() {
    // three topics, each unit twice; only the first copy of each is clustered exactly
    let words = [["dam", "flood", "valley"], ["cheese", "fair", "prize"], ["bridge", "closed", "storm"]];
    let mut vecs: Vec<Vector> = Vec::new();
    for _ in 0..2 {
        for (t, ws) in words.iter().enumerate() {
            for k in 0..3 {
                let mut v = Vector::default();
                for w in ws.iter().take(2 + k % 2) {
                    v.insert(w.to_string(), 1.0);
                }
                v.insert(format!("t{t}u{k}"), 0.5);
                vecs.push(v);
            }
        }
    }
    let mut lone = Vector::default();
    lone.insert("tram".to_string(), 1.0);
    vecs.push(lone);
    let idx: Vec<usize> = (0..vecs.len()).collect();
    let sparse = sparse_unit_vectors(&vecs);
    let got = normalized(cluster_capped(
        &sparse,
        &[],
        &idx,
        CLAIM_LINK,
        9,
        |x, y| sparse_dot(&sparse[x], &sparse[y]),
        &NEVER,
    ));
    let want =
        normalized(vec![vec![0, 1, 2, 9, 10, 11], vec![3, 4, 5, 12, 13, 14], vec![6, 7, 8, 15, 16, 17], vec![18]]);
    assert_eq!(got, want);
}

#[test]
fn a_scrap_is_no_summary_when_a_sentence_is_as_central() {
    // "the group" (own voice) against a reported sentence of the same claim
    assert!(summary_weight(false, true, 2) < summary_weight(false, false, 9));
    assert!(summary_weight(false, true, 9) > summary_weight(false, false, 9));
    assert!(summary_weight(true, true, 9) < summary_weight(false, false, 9));
}

/// An article of `n` sentences, each an own-voice statement except every third, an attribution
/// (content "the dam at Osk N held", cue "said", speaker "Kovic"); in text order, with the
/// statements listed last first, so that the cap has to read spans, not list order.
fn long_article(n: usize) -> AnalyzedArticle {
    use corroborate_model::{Article, Speaker};
    let mut text = String::new();
    let mut atts = Vec::new();
    let mut statements = Vec::new();
    for i in 0..n {
        let start = text.len();
        if i % 3 == 0 {
            text.push_str(&format!("Kovic said the dam at Osk {i} held. "));
            let cue = Span::new(start + 6, start + 10);
            let content = Span::new(start + 11, text.len() - 2);
            atts.push(Attribution {
                source: Some(Span::new(start, start + 5)),
                speaker: Some(Speaker {
                    name: "Kovic".into(),
                    kind: EntityType::Person,
                    anonymous: false,
                    resolution: "name".into(),
                }),
                cue,
                content,
                kind: AttributionKind::Indirect,
                stance: Stance::Reported,
                markers: Vec::new(),
            });
        } else {
            text.push_str(&format!("Floodwater reached the village of Osk {i} overnight. "));
            statements.push(corroborate_model::Statement {
                span: Span::new(start, text.len() - 1),
                stance: Stance::Asserted,
                markers: Vec::new(),
            });
        }
    }
    statements.reverse();
    let mut a = AnalyzedArticle { article: Article::new("long", text), analysis: Default::default() };
    a.analysis.attributions = atts;
    a.analysis.statements = statements;
    a
}

#[test]
fn claims_read_the_first_units_of_a_long_article_in_text_order() {
    let f = Featurizer::new();
    let articles = [long_article(30)];
    let (all, _) = units_capped(&f, &articles, &[0], 100);
    assert_eq!(all.len(), 30);
    let (first, feats) = units_capped(&f, &articles, &[0], 10);
    assert_eq!((first.len(), feats.len()), (10, 10));
    // the first ten sentences of the text, attributions and statements alike
    let mut starts: Vec<usize> = first.iter().map(|u| u.span.start).collect();
    starts.sort();
    let mut expected: Vec<usize> = all.iter().map(|u| u.span.start).collect();
    expected.sort();
    assert_eq!(starts, expected[..10]);
    assert_eq!(first.iter().filter(|u| !u.own_voice).count(), 4);
    // the default cap applies to every story's claims
    let articles = [long_article(MAX_ARTICLE_UNITS + 50)];
    assert_eq!(units(&f, &articles, &[0]).0.len(), MAX_ARTICLE_UNITS);
}

#[test]
fn an_article_over_the_unit_cap_says_what_its_claims_left_out() {
    let mut articles = vec![long_article(MAX_ARTICLE_UNITS), long_article(MAX_ARTICLE_UNITS + 7)];
    note_unit_caps(&mut articles);
    // (twice, as a corpus's story report may: one note)
    note_unit_caps(&mut articles);
    assert!(articles[0].article.diagnostics.is_empty());
    let notes = &articles[1].article.diagnostics;
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0].level, corroborate_model::Level::Warning);
    assert!(notes[0]
        .message
        .contains(&format!("first {MAX_ARTICLE_UNITS} of the article's {}", MAX_ARTICLE_UNITS + 7)));
    assert!(notes[0].message.contains("the other 7 are"), "{}", notes[0].message);
}

#[test]
fn opposite_states_said_of_a_thing() {
    let f = Featurizer::new();
    let said = |text: &str| -> Vec<(usize, usize, String)> {
        let ws: Vec<String> = words(text).collect();
        states(&f, &ws).into_iter().map(|(pair, side, words, _)| (pair, side, words)).collect()
    };
    // the thing is the head of the subject, not the place after it
    let things = |text: &str| -> Vec<HashSet<String>> {
        let ws: Vec<String> = words(text).collect();
        states(&f, &ws).into_iter().map(|s| s.3).collect()
    };
    assert_eq!(
        things("The sprinklers in that hall had been switched off for weeks"),
        [things("the sprinklers were working")[0].clone()]
    );
    assert!(!things("the sprinklers were working")[0].contains("hall"));
    let working = said("the sprinklers were working on the night of the fire");
    let off = said("The sprinklers in that hall had been switched off for weeks");
    assert_eq!(working.len(), 1, "{working:?}");
    assert_eq!(off.len(), 1, "{off:?}");
    assert_eq!((working[0].0, working[0].1), (off[0].0, 0));
    assert_eq!(off[0].1, 1);
    // a negation moves the state to the other side
    assert_eq!(said("the sprinklers were not working")[0].1, 1);
    assert_eq!(said("the border remained closed")[0].1, 1);
    // a siren said to be silent is one said not to work
    let silent = said("the sirens were silent");
    assert_eq!(silent.len(), 1, "{silent:?}");
    assert_eq!((silent[0].0, silent[0].1), (working[0].0, 1));
    // not someone declining to speak
    assert!(said("the mayor remained silent").is_empty());
    assert!(said("the ministry was silent on the matter").is_empty());
    // not a verb, not an attribute, not of a pronoun alone
    assert!(said("the crew switched off the pumps").is_empty());
    assert!(said("a closed border").is_empty());
    assert!(said("they were armed").is_empty());
    assert!(said("asked whether the singer was still alive").is_empty());
}

#[test]
fn a_thing_said_to_have_worked_or_not() {
    let f = Featurizer::new();
    let said = |text: &str| -> Vec<(usize, usize, String)> {
        let ws: Vec<String> = words(text).collect();
        states(&f, &ws).into_iter().map(|(pair, side, words, _)| (pair, side, words)).collect()
    };
    let working = said("the sirens were working")[0].0;
    for (text, side) in [
        ("the warning sirens never sounded", 1),
        ("the sirens had worked", 0),
        ("the alarms sounded properly that night", 0),
        ("the sirens did not sound", 1),
        ("the pumps didn't work", 1),
        ("the alarm failed to go off", 1),
        ("the brakes worked", 0),
    ] {
        assert_eq!(said(text), [(working, side, said(text)[0].2.clone())], "{text}");
    }
    // the state reads with the negation that moved it
    assert_eq!(said("the warning sirens never sounded")[0].2, "never sounded");
    assert_eq!(said("the alarm failed to go off")[0].2, "failed to go off");
    assert_eq!(said("the sprinklers were not working")[0].2, "not working");
    assert_eq!(said("the sprinklers were working")[0].2, "working");
    // the siren's features meet those of "the sirens were silent"
    let ws: Vec<String> = words("the warning sirens never sounded").collect();
    let ws2: Vec<String> = words("the sirens were silent").collect();
    assert!(!states(&f, &ws)[0].3.is_disjoint(&states(&f, &ws2)[0].3));
    // a verb with an object or an attribute, a person at work, a noun, a pronoun: no such state
    for text in [
        "officials sounded the alarm",
        "the plan sounded good",
        "the engineer worked at the plant",
        "the work on the dam",
        "a loud sound",
        "it worked",
        "asked whether the sirens sounded",
    ] {
        assert!(said(text).is_empty(), "{text}: {:?}", said(text));
    }
}

#[test]
fn none_of_a_subject_negates_its_predicate() {
    let f = Featurizer::new();
    let negated = f.negated_features("none of the tank cars involved in the derailment near Brell had leaked");
    assert!(negated.contains("POISON"), "{negated:?}");
    let negated = f.negated_features("neither of the two pumps at the station was damaged");
    assert!(negated.contains("DESTROY"), "{negated:?}");
    // not a predicate of a clause inside the subject, nor one too far to be its own
    assert!(!f.negated_features("none of those who said the dam had collapsed were there").contains("DESTROY"));
    let ws: Vec<String> = words("none of the tank cars had leaked").collect();
    assert!(negated_at(&ws, 6));
    // a cargo of chemicals is no leak
    assert_eq!(concept("chemicals"), None);
}

#[test]
fn a_disputed_that_clause_names_its_predicate() {
    let f = Featurizer::new();
    let p = |t: &str| f.disputed_predicate(t);
    assert_eq!(p("that any tank car had been breached"), Some(vec![f.feature("breached").unwrap()]));
    assert_eq!(p("claims that Vell had fiddled the harbour figures"), Some(vec![f.feature("fiddled").unwrap()]));
    // both of a pair; a concept as a concept
    assert_eq!(
        p("reports that he had been injured or killed"),
        Some(vec![f.feature("injured").unwrap(), "KILL".into()])
    );
    // no "that" clause, no auxiliary, or no content word after it
    assert_eq!(p("the accusations"), None);
    assert_eq!(p("that the mayor ignored the warnings"), None);
    assert_eq!(p("that he had any part in it"), None);
    assert_eq!(p("the notion that a campaign shakeup is coming"), None);
}

#[test]
fn counts_of_people_name_their_side() {
    use counts::{side, Side};
    assert_eq!(side("107 Boko Haram militants"), Some(Side::Combatants));
    assert_eq!(side("13,000 civilians"), Some(Side::Civilians));
    assert_eq!(side("thousands of people"), None);
    assert_eq!(side("40 dead"), None);
}

#[test]
fn a_denier_inside_the_text_is_not_what_it_disputes() {
    let f = Featurizer::new();
    // "Israel Radio reported | Kurdish sources denying the claims": the sources dispute the claims,
    // nothing of themselves
    let (all, _, _) = f.disputed_parts("Ostrian sources denying the claims");
    assert!(!all.contains(&f.feature("sources").unwrap()), "{all:?}");
    // what follows a denial is still what it disputes
    let (all, _, _) = f.disputed_parts("an artist who has denied comparing the assembly with dictatorships");
    assert!(all.contains(&f.feature("dictatorships").unwrap()), "{all:?}");
}
