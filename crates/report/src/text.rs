//! The terminal report: one screen per story. Colour only when asked (the CLI asks on a terminal).
use crate::{clip, evidence_text, letter, short_ids, speakers, stance_symbol};
use corroborate_model::{Comparison, Level, Relation, Stance};
use std::fmt::Write;

#[derive(Clone, Copy)]
struct Paint(bool);
impl Paint {
    fn c(&self, code: &str, s: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.c("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.c("2", s)
    }
    fn stance(&self, st: Stance) -> String {
        let code = match st {
            Stance::Asserted => "32",
            Stance::Reported => "36",
            Stance::Distanced => "33",
            Stance::Refuted => "31",
        };
        self.c(code, st.as_str())
    }
}

/// The report for a comparison.
pub fn render(c: &Comparison, color: bool) -> String {
    render_with_notes(c, color, &[])
}

/// The report, with one note line under each article (its source profile, say), by article index.
pub fn render_with_notes(c: &Comparison, color: bool, notes: &[String]) -> String {
    let names = short_ids(c);
    let p = Paint(color);
    let mut o = String::new();
    let ok = c.articles.iter().filter(|a| !a.article.failed()).count();
    let _ = writeln!(
        o,
        "{}",
        p.bold(&format!(
            "corroborate: {} article(s), {} stor{}",
            ok,
            c.stories.len(),
            if c.stories.len() == 1 { "y" } else { "ies" }
        ))
    );
    // stories are numbered by their place in the report (a corpus story keeps its own id in JSON)
    for (n, s) in c.stories.iter().enumerate() {
        let _ = writeln!(o);
        // (a story whose articles share no name has no label: no empty gap before the counts)
        let label = if s.label.trim().is_empty() { String::new() } else { format!(" {}", s.label) };
        let _ = writeln!(
            o,
            "{}{label}  ({} article(s), {} independent origin(s))",
            p.bold(&format!("Story {}:", n + 1)),
            s.articles.len(),
            s.origins.len()
        );
        for &i in &s.articles {
            let a = &c.articles[i].article;
            let origin = s.origins.iter().position(|g| g.contains(&i)).unwrap_or(0);
            let copy = s
                .origins
                .get(origin)
                .filter(|g| g.len() > 1 && g[0] != i)
                .map(|g| format!(" copy of {}", letter(g[0])))
                .unwrap_or_default();
            // the wire it credits for its text (the reason a rewrite joined the wire's origin)
            let copy = match s.credits.iter().find(|c| c.article == i) {
                Some(c) if copy.is_empty() => format!(" credits {}", c.credits),
                Some(c) => format!("{copy} (credits {})", c.credits),
                None => copy,
            };
            let _ = writeln!(
                o,
                "  [{}] {}  {}  {}{}",
                letter(i),
                names[i].as_str(),
                a.meta.published.as_deref().unwrap_or("date unknown"),
                clip(a.meta.title.as_deref().unwrap_or(""), 70),
                p.dim(&copy)
            );
            if let Some(note) = notes.get(i).filter(|n| !n.is_empty()) {
                let _ = writeln!(o, "      {}", p.dim(note));
            }
        }
        let sp = speakers(c, &s.articles);
        if !sp.is_empty() {
            let _ = writeln!(o, "\n  {}", p.bold("Who is quoted"));
            // the most quoted named sources, then the unnamed ones (never crowded out by the named)
            let rows: Vec<_> =
                sp.iter().filter(|r| !r.unnamed).take(12).chain(sp.iter().filter(|r| r.unnamed).take(6)).collect();
            for row in &rows {
                let per: Vec<String> = row.counts.iter().map(|(a, n)| format!("{}×{}", letter(*a), n)).collect();
                let note = if row.unnamed { format!("  ({})", row.note()) } else { String::new() };
                let _ = writeln!(o, "    {:<36} {}{note}", clip(&row.name, 36), per.join(" "));
            }
            if rows.len() < sp.len() {
                let _ = writeln!(o, "    … and {} more (every speaker is in the other formats)", sp.len() - rows.len());
            }
        }
        let shown = shown_claims(s);
        if !shown.is_empty() {
            let _ = writeln!(o, "\n  {}", p.bold("Claims, and how each outlet's own voice treats them"));
            for (ci, cl) in &shown {
                let _ = writeln!(o, "    C{} {}", ci + 1, p.bold(&format!("“{}”", clip(&cl.summary, 100))));
                if !cl.speakers.is_empty() {
                    let _ = writeln!(o, "       {} {}", p.dim("said by:"), clip(&cl.speakers.join(", "), 90));
                }
                for n in &cl.narratives {
                    let _ =
                        writeln!(o, "       {} {}", p.dim("known narrative:"), crate::claim_narrative_text(c, s, n));
                }
                let whole: Vec<String> = cl
                    .article_stances
                    .iter()
                    // (only for an article with no cell of its own on the claim: the cell shows its own
                    // words; the whole-article guess beside it contradicted the cell on new text)
                    .filter(|st| st.confident && !cl.stances.iter().any(|os| os.article == st.article))
                    .map(|st| format!("{} {}", letter(st.article), st.stance))
                    .collect();
                if !whole.is_empty() {
                    let _ = writeln!(o, "       {} {}", p.dim("whole article (learned):"), whole.join(", "));
                }
                for os in &cl.stances {
                    let a = &c.articles[os.article];
                    let markers: Vec<String> =
                        os.markers.iter().map(|m| format!("“{}”", m.slice(&a.article.text))).collect();
                    let first = os
                        .evidence
                        .first()
                        .map(|e| format!("{}: «{}»", crate::claim_voice(c, cl, e), clip(evidence_text(c, e), 80)))
                        .unwrap_or_default();
                    let _ = writeln!(
                        o,
                        "       [{}] {:<10} {}{}",
                        letter(os.article),
                        p.stance(os.stance),
                        if markers.is_empty() { String::new() } else { format!("markers {} · ", markers.join(" ")) },
                        p.dim(&first)
                    );
                }
            }
            let listed = s.claims.iter().filter(|cl| crate::worth_listing(cl)).count();
            if listed > shown.len() {
                let _ = writeln!(o, "    … and {} more in the Markdown, HTML and JSON reports", listed - shown.len());
            }
            if let Some(note) = crate::unlisted_note(s) {
                let _ = writeln!(o, "    {}", p.dim(&format!("{note}.")));
            }
        }
        let contra: Vec<(usize, &corroborate_model::ClaimRelation)> = s
            .claims
            .iter()
            .enumerate()
            .flat_map(|(ci, cl)| {
                cl.relations
                    .iter()
                    .filter(move |r| r.relation == Relation::Contradicts && r.claim > ci)
                    .map(move |r| (ci, r))
            })
            .collect();
        if !contra.is_empty() {
            let _ = writeln!(o, "\n  {}", p.c("1;31", "Contradictions"));
            for (a, r) in contra {
                let _ = writeln!(o, "    {}", crate::contradiction_heading(a, r));
                // where the two meet first, marked with ⟷
                for row in crate::contradiction_rows(c, s, a, r, 1) {
                    let who = crate::evidence_speaker(c, &row.evidence).map(|w| format!(", {w}")).unwrap_or_default();
                    let _ = writeln!(
                        o,
                        "     {} [{}] {} C{}{}: «{}»",
                        if row.meets { "⟷" } else { " " },
                        letter(row.evidence.article()),
                        stance_symbol(row.stance),
                        row.claim + 1,
                        who,
                        clip(evidence_text(c, &row.evidence), 90)
                    );
                }
            }
        }
        if !s.count_conflicts.is_empty() {
            let _ = writeln!(o, "\n  {}", p.c("1;31", "Counts that differ"));
            for cc in &s.count_conflicts {
                let rows = crate::count_rows(c, s, cc, 90);
                let words: Vec<&str> = rows.iter().map(|r| r.words.as_str()).collect();
                let _ = writeln!(o, "    {}: {}", cc.what, words.join(" ⟷ "));
                for r in &rows {
                    let _ = writeln!(
                        o,
                        "       [{}] C{} {}: «{}»{}",
                        letter(r.article),
                        r.claim + 1,
                        r.voice,
                        r.context,
                        r.also_text()
                    );
                }
            }
            if s.more_count_conflicts > 0 {
                let _ = writeln!(
                    o,
                    "    … and {} smaller disagreement(s) about counts (the largest are shown)",
                    s.more_count_conflicts
                );
            }
        }
        let narratives = crate::story_narratives(c, &s.articles);
        if !narratives.is_empty() {
            let _ = writeln!(o, "\n  {}", p.bold("Known narratives"));
            for (name, rows) in &narratives {
                let _ = writeln!(o, "    {}{}", clip(name, 90), crate::narrative_claims_text(c, s, name));
                for (art, voice, sentence) in rows {
                    let _ = writeln!(
                        o,
                        "       [{}] {:<8} {}",
                        letter(*art),
                        voice,
                        p.dim(&format!("«{}»", clip(sentence, 90)))
                    );
                }
            }
        }
        let single: Vec<(usize, &corroborate_model::Claim)> = s
            .claims
            .iter()
            .enumerate()
            .filter(|(_, cl)| s.origins.len() > 1 && !cl.speakers.is_empty())
            .filter(|(_, cl)| {
                let origins: std::collections::BTreeSet<usize> = cl
                    .evidence
                    .iter()
                    .filter_map(|e| s.origins.iter().position(|g| g.contains(&e.article())))
                    .collect();
                origins.len() == 1
            })
            .take(8)
            .collect();
        if !single.is_empty() {
            let _ = writeln!(o, "\n  {}", p.bold("Attributed claims only one origin carries"));
            for (ci, cl) in single {
                let who = cl.stances.first().map(|os| letter(os.article)).unwrap_or_default();
                let _ = writeln!(
                    o,
                    "    C{} [{}] {} — {}",
                    ci + 1,
                    who,
                    clip(&cl.summary, 80),
                    clip(&cl.speakers.join(", "), 40)
                );
            }
        }
    }
    let diags: Vec<String> = c
        .articles
        .iter()
        .flat_map(|a| {
            a.article.diagnostics.iter().filter(|d| d.level != Level::Info).map(move |d| {
                format!(
                    "  {} {}: {}",
                    if d.level == Level::Error { p.c("31", "error") } else { p.c("33", "warning") },
                    a.article.id,
                    d.message
                )
            })
        })
        .collect();
    if !diags.is_empty() {
        let _ = writeln!(o, "\n{}", p.bold("Diagnostics"));
        for d in diags {
            let _ = writeln!(o, "{d}");
        }
    }
    o
}

/// The most claims the text report lists per story.
const SHOWN_CLAIMS: usize = 12;

/// The claims the text report lists, in the story's order: every claim in a contradiction or
/// carrying a known narrative first (the sections below name them by number), then the others worth
/// a row, up to [`SHOWN_CLAIMS`] in all.
fn shown_claims(s: &corroborate_model::Story) -> Vec<(usize, &corroborate_model::Claim)> {
    let named_below = |cl: &corroborate_model::Claim| !cl.relations.is_empty() || !cl.narratives.is_empty();
    let mut room = SHOWN_CLAIMS.saturating_sub(s.claims.iter().filter(|cl| named_below(cl)).count());
    let mut shown = Vec::new();
    for (i, cl) in s.claims.iter().enumerate() {
        if named_below(cl) {
            shown.push((i, cl));
        } else if room > 0 && crate::worth_listing(cl) {
            room -= 1;
            shown.push((i, cl));
        }
    }
    shown
}
