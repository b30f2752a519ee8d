//! Writers for results. [`json`] is the stable contract of `OUTPUT.md` (Unicode code-point offsets,
//! every span with its text); [`text`] is the terminal report, [`markdown`] and [`html`] the shareable
//! ones. All writers take values and return strings: no IO here.

pub mod html;
pub mod json;
pub mod markdown;
pub mod text;

use corroborate_model::{AnalyzedArticle, Comparison, EntityType, EvidenceRef, Stance};

/// A short label for article `i`: A, B, ..., Z, A1, ...
pub fn letter(i: usize) -> String {
    let l = (b'A' + (i % 26) as u8) as char;
    if i < 26 {
        l.to_string()
    } else {
        format!("{l}{}", i / 26)
    }
}

/// The file name part of an id, for display.
pub fn short_id(id: &str) -> &str {
    id.rsplit('/').next().unwrap_or(id)
}

/// How each article of a comparison is named in a report: the file name part of its id
/// ([`short_id`]), or as many of the id's last `/` parts as tell it from every other id (the whole
/// id at most), so that distinct ids never show alike: `ah.txt`, `./ah.txt` and `/tmp/d/ah.txt`
/// show as `ah.txt`, `./ah.txt` and `d/ah.txt`, where all three were `ah.txt`.
pub fn short_ids(c: &Comparison) -> Vec<String> {
    distinct_suffixes(&c.articles.iter().map(|a| a.article.id.as_str()).collect::<Vec<_>>())
}

/// The shortest `/`-suffixes of `ids` (one part at least) that no other distinct id shows alike.
pub fn distinct_suffixes(ids: &[&str]) -> Vec<String> {
    use std::collections::{HashMap, HashSet};
    let suffix = |id: &str, parts: usize| -> (String, bool) {
        match id.rmatch_indices('/').nth(parts - 1) {
            Some((at, _)) => (id[at + 1..].to_string(), false),
            None => (id.to_string(), true),
        }
    };
    let mut parts = vec![1usize; ids.len()];
    loop {
        let shown: Vec<(String, bool)> = ids.iter().zip(&parts).map(|(id, &k)| suffix(id, k)).collect();
        let mut by_name: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (i, (name, _)) in shown.iter().enumerate() {
            by_name.entry(name.as_str()).or_default().insert(ids[i]);
        }
        let mut longer = false;
        for (i, (name, whole)) in shown.iter().enumerate() {
            if !whole && by_name[name.as_str()].len() > 1 {
                parts[i] += 1;
                longer = true;
            }
        }
        if !longer {
            return shown.into_iter().map(|(name, _)| name).collect();
        }
    }
}

/// The text an evidence reference points at.
pub fn evidence_text<'a>(c: &'a Comparison, e: &EvidenceRef) -> &'a str {
    let (a, span) = evidence_span(c, e);
    span.slice(&a.article.text)
}

pub fn evidence_span<'a>(c: &'a Comparison, e: &EvidenceRef) -> (&'a AnalyzedArticle, corroborate_model::Span) {
    match *e {
        EvidenceRef::Attribution { article, index } => {
            let a = &c.articles[article];
            (a, a.analysis.attributions[index].content)
        }
        EvidenceRef::Statement { article, index } => {
            let a = &c.articles[article];
            (a, a.analysis.statements[index].span)
        }
    }
}

/// One line of evidence under a contradiction: the claim (index in the story) it belongs to, how
/// its outlet carries this piece of evidence (its own voice asserting it, or a speaker it reports,
/// with that report's stance), the evidence, and whether it is one of the two pieces where the
/// claims meet.
pub struct ContradictionRow {
    pub claim: usize,
    pub stance: Stance,
    pub evidence: EvidenceRef,
    pub meets: bool,
}

/// How an outlet carries one piece of evidence: a statement's own-voice stance, or the stance of
/// the attribution (reported, or distanced by "claimed", scare quotes and the like). Not the
/// outlet's overall stance on the claim, which may rest on other evidence.
pub fn evidence_stance(c: &Comparison, e: &EvidenceRef) -> Stance {
    match *e {
        EvidenceRef::Attribution { article, index } => c.articles[article].analysis.attributions[index].stance,
        EvidenceRef::Statement { article, index } => c.articles[article].analysis.statements[index].stance,
    }
}

/// How an outlet carries one piece of evidence of a claim ([`evidence_stance`]), where the outlet's
/// own hedges, scare quotes and refutations inside a claim that disputes another aim at the disputed
/// thing, so its voice asserts the dispute (the claims step reads them so for the outlet's stance).
pub fn carried_stance(c: &Comparison, e: &EvidenceRef, in_disputing_claim: bool) -> Stance {
    let own = evidence_stance(c, e);
    match e {
        EvidenceRef::Statement { .. } if in_disputing_claim && matches!(own, Stance::Distanced | Stance::Refuted) => {
            Stance::Asserted
        }
        _ => own,
    }
}

/// Whether a claim is the disputing side of a contradiction.
pub fn disputes(claim: &corroborate_model::Claim) -> bool {
    claim.relations.iter().any(|r| r.disputes)
}

/// The same description for a piece of evidence of `claim`, with [`carried_stance`].
pub fn claim_voice(c: &Comparison, claim: &corroborate_model::Claim, e: &EvidenceRef) -> String {
    voice_with(c, e, carried_stance(c, e, disputes(claim)))
}

/// The evidence to show under the contradiction of claim `a` with `r.claim`: first the two pieces
/// where they meet (the one that says it and the one that disputes it), then up to `per_outlet`
/// pieces per outlet of each claim, without repeating those two. Each row's stance is how its
/// outlet carries that piece ([`evidence_stance`]; the voice's own distance inside the disputing
/// claim asserts the dispute, as in the claim's outlet stance).
pub fn contradiction_rows(
    c: &Comparison,
    story: &corroborate_model::Story,
    a: usize,
    r: &corroborate_model::ClaimRelation,
    per_outlet: usize,
) -> Vec<ContradictionRow> {
    // the outlet's own hedges and scare quotes in the disputing claim ("Belmark Exposes Arvian
    // 'Dam Disaster' Provocation") aim at the disputed thing: the voice asserts the dispute
    let disputing = if r.disputes { a } else { r.claim };
    let row = |claim: usize, e: &EvidenceRef, meets: bool| ContradictionRow {
        claim,
        stance: carried_stance(c, e, claim == disputing),
        evidence: *e,
        meets,
    };
    let mut rows: Vec<ContradictionRow> = [a, r.claim].iter().zip(&r.evidence).map(|(&k, e)| row(k, e, true)).collect();
    for k in [a, r.claim] {
        for os in &story.claims[k].stances {
            for e in os.evidence.iter().filter(|e| !r.evidence.contains(e)).take(per_outlet) {
                rows.push(row(k, e, false));
            }
        }
    }
    rows
}

/// Who carries an evidence piece, for a line that already says how: "Igor Konashenkov insisted",
/// "according to the ministry" for an attribution, `None` for the outlet's own voice.
pub fn evidence_speaker(c: &Comparison, e: &EvidenceRef) -> Option<String> {
    match *e {
        EvidenceRef::Attribution { article, index } => {
            let a = &c.articles[article];
            let att = &a.analysis.attributions[index];
            let who = att
                .speaker
                .as_ref()
                .map(|s| s.name.clone())
                .or_else(|| att.source.map(|s| s.slice(&a.article.text).to_string()))
                .unwrap_or_else(|| "someone".into());
            // (a colon is the cue of "Name: words" and ends "continued:"; the line sets its own)
            let cue = att.cue.slice(&a.article.text).trim_end_matches([':', ' ']).to_lowercase();
            // a cue that comes before its source reads that way: "according to the ministry"
            Some(if cue.starts_with("according") {
                format!("{cue} {who}")
            } else if cue.is_empty() {
                who
            } else {
                format!("{who} {cue}")
            })
        }
        EvidenceRef::Statement { .. } => None,
    }
}

/// The heading of the contradiction of claim `a` with `r.claim`, numbered from 1, disputing claim
/// first: "C3 disputes C1 (deny, staged)".
pub fn contradiction_heading(a: usize, r: &corroborate_model::ClaimRelation) -> String {
    let (disputing, disputed) = if r.disputes { (a, r.claim) } else { (r.claim, a) };
    let words = r.reason.strip_prefix("disputes ").unwrap_or(&r.reason);
    format!("C{} disputes C{} {words}", disputing + 1, disputed + 1)
}

/// One side of a count conflict as reports show it: the article, the claim its evidence belongs
/// to, the count's own words ("at least 40 people"), who carries it and how ([`claim_voice`]:
/// "rescue teams said (reported)", "own voice (asserted)"), and the evidence it stands in.
#[derive(Debug, Clone, PartialEq)]
pub struct CountRow {
    pub article: usize,
    pub claim: usize,
    pub words: String,
    pub voice: String,
    pub evidence: EvidenceRef,
    /// The evidence's words around the count, at most about `max` characters of them (`…` where cut).
    pub context: String,
    /// The other articles that give a count agreeing with this side, with their count's words.
    pub also: Vec<(usize, String)>,
}

impl CountRow {
    /// " (also [C], [D] “at least 41 dead”)" for the other articles on this side, each with its own
    /// words where they differ from this row's (they agree with this side, not always to the
    /// number: "41" is near enough to "40" against "339"); empty when there are none.
    pub fn also_text(&self) -> String {
        if self.also.is_empty() {
            return String::new();
        }
        let list: Vec<String> = self
            .also
            .iter()
            .map(|(a, words)| {
                if *words == self.words {
                    format!("[{}]", letter(*a))
                } else {
                    format!("[{}] “{}”", letter(*a), clip(words, 40))
                }
            })
            .collect();
        format!(" (also {})", list.join(", "))
    }
}

/// The two sides of a story's count conflict, the larger count first.
pub fn count_rows(
    c: &Comparison,
    story: &corroborate_model::Story,
    cc: &corroborate_model::CountConflict,
    max: usize,
) -> Vec<CountRow> {
    cc.sides
        .iter()
        .map(|sd| {
            let article = sd.evidence.article();
            let voice = match story.claims.get(sd.claim) {
                Some(claim) => claim_voice(c, claim, &sd.evidence),
                None => voice_with(c, &sd.evidence, evidence_stance(c, &sd.evidence)),
            };
            let (a, span) = evidence_span(c, &sd.evidence);
            let text = &a.article.text;
            // from up to a third of `max` before the count, so that the count shows
            let lead = text[span.start..sd.span.start.max(span.start)].chars().count();
            let mut skip = lead.saturating_sub(max / 3);
            // from a word's start, not its middle ("…he village of Osk")
            let chars: Vec<char> = text[span.start..span.end].chars().collect();
            if skip > 0 && chars.get(skip - 1).is_some_and(|ch| !ch.is_whitespace()) {
                while skip < lead && chars.get(skip).is_some_and(|ch| !ch.is_whitespace()) {
                    skip += 1;
                }
                while skip < lead && chars.get(skip).is_some_and(|ch| ch.is_whitespace()) {
                    skip += 1;
                }
            }
            let shown: String = chars[skip.min(chars.len())..].iter().collect();
            let context = clip(&shown, max);
            CountRow {
                article,
                claim: sd.claim,
                words: sd.span.slice(text).to_string(),
                voice,
                evidence: sd.evidence,
                context: if skip > 0 { format!("…{context}") } else { context },
                also: sd
                    .also
                    .iter()
                    .map(|(e, sp)| (e.article(), sp.slice(&c.articles[e.article()].article.text).to_string()))
                    .collect(),
            }
        })
        .collect()
}

/// "the Russian Defence Ministry said (reported)" style description of who carries a
/// contradiction row's evidence and how, with the row's stance (which reads the voice's own
/// distance inside a disputing claim as asserting the dispute).
pub fn row_voice(c: &Comparison, row: &ContradictionRow) -> String {
    voice_with(c, &row.evidence, row.stance)
}

fn voice_with(c: &Comparison, e: &EvidenceRef, stance: Stance) -> String {
    match evidence_speaker(c, e) {
        Some(who) => format!("{who} ({stance})"),
        None => format!("own voice ({stance})"),
    }
}

pub fn stance_symbol(s: Stance) -> &'static str {
    match s {
        Stance::Asserted => "asserts",
        Stance::Reported => "reports",
        Stance::Distanced => "distances",
        Stance::Refuted => "refutes",
    }
}

/// Collapses whitespace and cuts long text for display.
pub fn clip(s: &str, max: usize) -> String {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= max {
        t
    } else {
        let mut out: String = t.chars().take(max.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// One speaker of a story: canonical name, whether it is a source with no name ("officials",
/// "reliable sources"), and how many attributions each article gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerRow {
    pub name: String,
    pub unnamed: bool,
    /// Information or a document rather than someone, naming no one: "according to “confirmed
    /// information”", "a letter seen by the paper" (the speaker's `information` resolution).
    pub thing: bool,
    pub counts: Vec<(usize, usize)>,
}

impl SpeakerRow {
    /// What the report says after an unnamed source's name.
    pub fn note(&self) -> &'static str {
        match (self.unnamed, self.thing) {
            (true, true) => "names no one",
            (true, false) => "unnamed source",
            _ => "",
        }
    }
}

/// Speakers of a set of articles with how many attributions each article gives them: named sources
/// first, then unnamed ones ("officials said", "according to reliable sources"), each most quoted
/// first, so that a reader sees at once how much rests on sources no one can check.
pub fn speakers(c: &Comparison, articles: &[usize]) -> Vec<SpeakerRow> {
    type Counts = std::collections::BTreeMap<usize, usize>;
    let mut m: std::collections::BTreeMap<(bool, String), (bool, Counts)> = Default::default();
    for &i in articles {
        for a in &c.articles[i].analysis.attributions {
            if let Some(s) = &a.speaker {
                // (a source described, not named, "survivors", "the town council", is unnamed here as
                // in the sourcing signals; a description of a person the article names, "the city's
                // police chief" of "Police chief Gerrit Hauke", is that person)
                let unnamed = s.anonymous || s.resolution == "description" && s.kind != EntityType::Person;
                let row = m.entry((unnamed, s.name.clone())).or_insert((true, Counts::new()));
                row.0 &= s.anonymous && s.resolution == "information";
                *row.1.entry(i).or_default() += 1;
            }
        }
    }
    let mut v: Vec<SpeakerRow> = m
        .into_iter()
        .map(|((unnamed, name), (thing, counts))| SpeakerRow {
            name,
            unnamed,
            thing,
            counts: counts.into_iter().collect(),
        })
        .collect();
    v.sort_by_key(|r| (r.unnamed, std::cmp::Reverse(r.counts.iter().map(|x| x.1).sum::<usize>()), r.name.clone()));
    v
}

/// The name of a known narrative by its catalogue id, as the story's articles found it (the id
/// where none did).
pub fn narrative_name<'a>(c: &'a Comparison, story: &'a corroborate_model::Story, id: &'a str) -> &'a str {
    story
        .articles
        .iter()
        .flat_map(|&i| c.articles[i].analysis.narratives.iter())
        .find(|n| n.narrative == id)
        .map_or(id, |n| n.name.as_str())
}

/// The claims of a story (indices) whose evidence holds the words of the narrative named `name`.
pub fn narrative_claims(c: &Comparison, story: &corroborate_model::Story, name: &str) -> Vec<usize> {
    (0..story.claims.len())
        .filter(|&k| story.claims[k].narratives.iter().any(|n| narrative_name(c, story, &n.narrative) == name))
        .collect()
}

/// "Atrocities staged by the victims' side, in [B]": a narrative of a claim and the articles whose
/// evidence of the claim holds its words.
pub fn claim_narrative_text(
    c: &Comparison,
    story: &corroborate_model::Story,
    n: &corroborate_model::ClaimNarrative,
) -> String {
    let arts: Vec<String> = n.articles.iter().map(|&a| format!("[{}]", letter(a))).collect();
    format!("{}, in {}", narrative_name(c, story, &n.narrative), arts.join(", "))
}

/// " (claims C3, C6)" for the claims that carry a narrative, empty when none does.
pub fn narrative_claims_text(c: &Comparison, story: &corroborate_model::Story, name: &str) -> String {
    let ks = narrative_claims(c, story, name);
    if ks.is_empty() {
        return String::new();
    }
    let list: Vec<String> = ks.iter().map(|k| format!("C{}", k + 1)).collect();
    format!(" (claim{} {})", if ks.len() == 1 { "" } else { "s" }, list.join(", "))
}

/// A narrative's name and, per article, (article, voice, matching sentence).
pub type NarrativeRow = (String, Vec<(usize, String, String)>);

/// The narratives found in a story's articles: (narrative name, [(article, voice, sentence text)]),
/// in catalogue order of first appearance; the strongest match per article.
pub fn story_narratives(c: &Comparison, articles: &[usize]) -> Vec<NarrativeRow> {
    let mut out: Vec<NarrativeRow> = Vec::new();
    for &i in articles {
        let a = &c.articles[i];
        for n in &a.analysis.narratives {
            let row = match out.iter_mut().find(|(name, _)| *name == n.name) {
                Some(r) => r,
                None => {
                    out.push((n.name.clone(), Vec::new()));
                    out.last_mut().unwrap()
                }
            };
            match row.1.iter_mut().find(|(art, _, _)| *art == i) {
                // an article that adopts the narrative anywhere adopts it
                Some(existing) if existing.1 == "reports" && n.voice == "adopts" => {
                    *existing = (i, n.voice.clone(), n.span.slice(&a.article.text).to_string());
                }
                Some(_) => {}
                None => row.1.push((i, n.voice.clone(), n.span.slice(&a.article.text).to_string())),
            }
        }
    }
    out
}

/// Whether a claim is worth a row of a report's claim table: someone says it, more than one article
/// states it, an outlet's voice keeps its distance from it or refutes it ("the purported tragedy"),
/// or it contradicts another or carries a known narrative. The rest, an outlet's plain statements
/// that no other outlet makes, are counted by [`unlisted_note`].
pub(crate) fn worth_listing(cl: &corroborate_model::Claim) -> bool {
    !cl.relations.is_empty()
        || cl.stances.len() > 1
        || !cl.speakers.is_empty()
        || !cl.narratives.is_empty()
        || cl.stances.iter().any(|st| matches!(st.stance, Stance::Distanced | Stance::Refuted))
}

/// What a report says of a story's claims its table leaves out: one outlet's own plain
/// statements, with no speaker and no second outlet (they stay in the JSON).
pub(crate) fn unlisted_note(s: &corroborate_model::Story) -> Option<String> {
    let n = s.claims.iter().filter(|cl| !worth_listing(cl)).count();
    (n > 0).then(|| {
        format!(
            "{n} more claim{} that one outlet alone makes, with no speaker named, {} only in the JSON report (stories[].claims)",
            if n == 1 { "" } else { "s" },
            if n == 1 { "is" } else { "are" }
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use corroborate_model::{Article, Story};

    /// The audit's story: one text stored as `ah.txt`, `./ah.txt` and `/tmp/d/ah.txt`, beside
    /// `examples/x.txt`. Every report showed the three as `ah.txt`; now each shows distinctly, and
    /// an id whose file name is its own still shows as that name alone.
    #[test]
    fn distinct_ids_show_distinctly_in_every_report() {
        let ids = ["ah.txt", "./ah.txt", "/tmp/d/ah.txt", "examples/x.txt"];
        let articles = ids
            .iter()
            .map(|id| AnalyzedArticle {
                article: Article::new(*id, "The mayor said the dam held."),
                ..Default::default()
            })
            .collect();
        let story = Story {
            id: 0,
            articles: vec![0, 1, 2, 3],
            origins: vec![vec![0, 1, 2], vec![3]],
            claims: vec![],
            label: "dam".into(),
            count_conflicts: vec![],
            more_count_conflicts: 0,
            credits: vec![],
        };
        let c = Comparison { articles, story_of: vec![0; 4], stories: vec![story] };
        assert_eq!(short_ids(&c), ["ah.txt", "./ah.txt", "d/ah.txt", "x.txt"]);
        let text = text::render(&c, false);
        for shown in ["[A] ah.txt ", "[B] ./ah.txt ", "[C] d/ah.txt ", "[D] x.txt "] {
            assert!(text.contains(shown), "{shown:?} in\n{text}");
        }
        let md = markdown::render(&c);
        assert!(md.contains("| B | ./ah.txt |") && md.contains("| C | d/ah.txt |"), "{md}");
        let html = html::render(&c);
        assert!(html.contains("<b>B</b> ./ah.txt") && html.contains("<b>C</b> d/ah.txt"), "{html}");
        // the same id twice (two versions of one file) is one name
        assert_eq!(distinct_suffixes(&["a/x.txt", "a/x.txt", "b/x.txt", "y"]), ["a/x.txt", "a/x.txt", "b/x.txt", "y"]);
    }

    /// A headline's "Name: words" has the colon as its cue; the evidence line sets its own colon
    /// after the speaker ("Rhea Tam: «...»", not "Rhea Tam :: «...»").
    #[test]
    fn a_colon_cue_is_not_shown_twice() {
        use corroborate_model::{Attribution, AttributionKind, EntityType, Span, Speaker, Stance};
        let text = "Rhea Tam: The Osk Count Was Rigged\n\nTam said the count was rigged, and continued: it was.";
        let at = |source: (usize, usize), cue: (usize, usize), content: (usize, usize)| Attribution {
            source: Some(Span::new(source.0, source.1)),
            speaker: Some(Speaker {
                name: "Rhea Tam".into(),
                kind: EntityType::Person,
                anonymous: false,
                resolution: "name".into(),
            }),
            cue: Span::new(cue.0, cue.1),
            content: Span::new(content.0, content.1),
            kind: AttributionKind::Indirect,
            stance: Stance::Reported,
            markers: vec![],
        };
        let said = text.find("said").unwrap();
        let continued = text.find("continued:").unwrap();
        let mut a = AnalyzedArticle { article: Article::new("a.txt", text), ..Default::default() };
        a.analysis.attributions = vec![
            at((0, 8), (8, 9), (10, 34)),
            at((said - 4, said - 1), (said, said + 4), (said + 5, said + 26)),
            at((said - 4, said - 1), (continued, continued + 10), (continued + 11, text.len() - 1)),
        ];
        let c = Comparison { articles: vec![a], story_of: vec![0], stories: vec![] };
        let who = |index: usize| evidence_speaker(&c, &EvidenceRef::Attribution { article: 0, index });
        assert_eq!(who(0).as_deref(), Some("Rhea Tam"));
        assert_eq!(who(1).as_deref(), Some("Rhea Tam said"));
        assert_eq!(who(2).as_deref(), Some("Rhea Tam continued"));
    }

    /// A description that stands for a person the article names ("the city's police chief" of
    /// "Police chief Ona Brel") is that person in "who is quoted"; a body described stays unnamed.
    #[test]
    fn a_described_person_is_the_named_one() {
        use corroborate_model::{Attribution, AttributionKind, Span, Speaker};
        let text = "Stones flew, the city's police chief said. Police chief Ona Brel said so. The council said no.";
        let at = |name: &str, kind: EntityType, resolution: &str| Attribution {
            source: Some(Span::new(0, 1)),
            speaker: Some(Speaker { name: name.into(), kind, anonymous: false, resolution: resolution.into() }),
            cue: Span::new(1, 2),
            content: Span::new(2, 3),
            kind: AttributionKind::Indirect,
            stance: Stance::Reported,
            markers: vec![],
        };
        let mut a = AnalyzedArticle { article: Article::new("a.txt", text), ..Default::default() };
        a.analysis.attributions = vec![
            at("Ona Brel", EntityType::Person, "description"),
            at("Ona Brel", EntityType::Person, "name"),
            at("council", EntityType::Org, "description"),
        ];
        let c = Comparison { articles: vec![a], story_of: vec![0], stories: vec![] };
        let rows = speakers(&c, &[0]);
        let brel: Vec<&SpeakerRow> = rows.iter().filter(|r| r.name == "Ona Brel").collect();
        assert_eq!(brel.len(), 1, "{rows:?}");
        assert!(!brel[0].unnamed && brel[0].counts == [(0, 2)], "{rows:?}");
        assert!(rows.iter().any(|r| r.name == "council" && r.unnamed), "{rows:?}");
    }
}
