//! A Markdown report: stories, a claim table by outlet, contradictions with both sides' evidence.
use crate::{clip, evidence_text, letter, row_voice, short_ids, speakers};
use corroborate_model::{Comparison, Relation};
use std::fmt::Write;

/// Text from an article, made inert in Markdown: a table's pipe and the characters of Markdown's
/// emphasis, links and code are escaped, and HTML's `<`, `>`, `&` written as entities (a Markdown
/// viewer renders raw HTML: `<script>` in a title must stay text), on one line.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// The report.
pub fn render(c: &Comparison) -> String {
    render_with_notes(c, &[])
}

/// The report, with a note on each article (its source profile, say), by article index.
pub fn render_with_notes(c: &Comparison, notes: &[String]) -> String {
    let names = short_ids(c);
    let mut o = String::new();
    let _ = writeln!(o, "# corroborate report\n");
    // stories are numbered by their place in the report (a corpus story keeps its own id in JSON)
    for (n, s) in c.stories.iter().enumerate() {
        let _ = writeln!(o, "## Story {}: {}\n", n + 1, cell(&s.label));
        let _ = writeln!(o, "{} article(s), {} independent origin(s).\n", s.articles.len(), s.origins.len());
        let with_notes = s.articles.iter().any(|&i| notes.get(i).is_some_and(|n| !n.is_empty()));
        let _ = if with_notes {
            writeln!(o, "| | article | published | title | outlet and sourcing |\n|---|---|---|---|---|")
        } else {
            writeln!(o, "| | article | published | title |\n|---|---|---|---|")
        };
        for &i in &s.articles {
            let a = &c.articles[i].article;
            let note = if with_notes {
                format!(" {} |", cell(notes.get(i).map_or("", String::as_str)))
            } else {
                String::new()
            };
            let _ = writeln!(
                o,
                "| {} | {} | {} | {} |{note}",
                letter(i),
                cell(names[i].as_str()),
                a.meta.published.as_deref().unwrap_or("unknown"),
                cell(a.meta.title.as_deref().unwrap_or(""))
            );
        }
        let sp = speakers(c, &s.articles);
        if !sp.is_empty() {
            let _ = writeln!(o, "\n### Who is quoted\n");
            for row in &sp {
                let per: Vec<String> = row.counts.iter().map(|(a, n)| format!("{} ×{}", letter(*a), n)).collect();
                let note = if row.unnamed { format!(" ({})", row.note()) } else { String::new() };
                let _ = writeln!(o, "- **{}**{note}: {}", cell(&row.name), per.join(", "));
            }
        }
        let _ = writeln!(o, "\n### Claims by outlet\n");
        let mut header = "| claim | said by |".to_string();
        let mut rule = "|---|---|".to_string();
        for &i in &s.articles {
            header.push_str(&format!(" {} |", letter(i)));
            rule.push_str("---|");
        }
        let _ = writeln!(o, "{header}\n{rule}");
        for (ci, cl) in s.claims.iter().enumerate().filter(|(_, cl)| crate::worth_listing(cl)) {
            let known: String = cl
                .narratives
                .iter()
                .map(|n| format!(" _(known narrative: {})_", cell(&crate::claim_narrative_text(c, s, n))))
                .collect();
            let mut row = format!(
                "| C{} {}{} | {} |",
                ci + 1,
                cell(&clip(&cl.summary, 120)),
                known,
                cell(&cl.speakers.join(", "))
            );
            for &i in &s.articles {
                match cl.stances.iter().find(|os| os.article == i) {
                    Some(os) => {
                        let marks: Vec<String> =
                            os.markers.iter().map(|m| format!("“{}”", m.slice(&c.articles[i].article.text))).collect();
                        let ev = os
                            .evidence
                            .first()
                            .map(|e| format!(" «{}»", clip(evidence_text(c, e), 60)))
                            .unwrap_or_default();
                        // (the learned whole-article label only where the article has no cell: see text.rs)
                        row.push_str(&format!(" **{}** {}{} |", os.stance, cell(&marks.join(" ")), cell(&ev)));
                    }
                    None => match cl.article_stances.iter().find(|st| st.article == i && st.confident) {
                        Some(st) => row.push_str(&format!(" — (article: {}) |", st.stance)),
                        None => row.push_str(" — |"),
                    },
                }
            }
            let _ = writeln!(o, "{row}");
        }
        if let Some(note) = crate::unlisted_note(s) {
            let _ = writeln!(o, "\n_{note}._");
        }
        let narratives = crate::story_narratives(c, &s.articles);
        if !narratives.is_empty() {
            let _ = writeln!(o, "\n### Known narratives\n");
            for (name, rows) in &narratives {
                let _ = writeln!(o, "- **{}**{}", cell(name), crate::narrative_claims_text(c, s, name));
                for (art, voice, sentence) in rows {
                    let _ = writeln!(o, "  - [{}] {}: «{}»", letter(*art), voice, cell(&clip(sentence, 160)));
                }
            }
        }
        let mut any = false;
        for (ci, cl) in s.claims.iter().enumerate() {
            for r in cl.relations.iter().filter(|r| r.relation == Relation::Contradicts && r.claim > ci) {
                if !any {
                    let _ = writeln!(o, "\n### Contradictions\n");
                    any = true;
                }
                let _ = writeln!(o, "- **{}**", cell(&crate::contradiction_heading(ci, r)));
                // where the two meet first, in bold
                for row in crate::contradiction_rows(c, s, ci, r, 2) {
                    let e = &row.evidence;
                    let bold = if row.meets { "**" } else { "" };
                    let _ = writeln!(
                        o,
                        "  - {bold}C{}{bold} [{}] {}: «{}»",
                        row.claim + 1,
                        letter(e.article()),
                        cell(&row_voice(c, &row)),
                        cell(&clip(evidence_text(c, e), 160))
                    );
                }
            }
        }
        if !s.count_conflicts.is_empty() {
            let _ = writeln!(o, "\n### Counts that differ\n");
            for cc in &s.count_conflicts {
                let rows = crate::count_rows(c, s, cc, 160);
                let words: Vec<String> = rows.iter().map(|r| format!("«{}»", cell(&r.words))).collect();
                let _ = writeln!(o, "- **{}**: {}", cell(&cc.what), words.join(" ⟷ "));
                for r in &rows {
                    let _ = writeln!(
                        o,
                        "  - C{} [{}] {}: «{}»{}",
                        r.claim + 1,
                        letter(r.article),
                        cell(&r.voice),
                        cell(&r.context),
                        cell(&r.also_text())
                    );
                }
            }
            if s.more_count_conflicts > 0 {
                let _ = writeln!(
                    o,
                    "- … and {} smaller disagreement(s) about counts (the largest are shown)",
                    s.more_count_conflicts
                );
            }
        }
        let _ = writeln!(o);
    }
    o
}
