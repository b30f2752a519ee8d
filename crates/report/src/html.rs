//! One self-contained HTML page: the articles side by side with attributions highlighted and
//! coloured by stance, a table of claims by outlet, and the contradictions with both sides' evidence.
//! No scripts, no external resources.
use crate::{clip, evidence_text, letter, row_voice, short_ids, speakers};
use corroborate_model::{AnalyzedArticle, Comparison, MetaKind, Relation, Span};
use std::fmt::Write;

pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(ch),
        }
    }
    o
}

const STYLE: &str = r#"
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#222;background:#fafafa}
header{padding:12px 20px;background:#223;color:#fff} h1{font-size:20px;margin:0} h2{font-size:18px;margin:24px 20px 8px}
h3{font-size:16px;margin:16px 20px 6px} .legend span{margin-right:12px} .note{color:#555;font-size:13px}
.cols{display:flex;gap:12px;padding:0 20px;align-items:flex-start} .col{flex:1;min-width:0;background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px}
.col h4{margin:0 0 6px;font-size:15px} .meta{color:#666;font-size:13px} .text{white-space:pre-wrap;font-family:Georgia,serif}
.content.asserted{background:#d9f2d9} .content.reported{background:#d8ecf7} .content.distanced{background:#fde9c4} .content.refuted{background:#f8d0d0}
.stmt.distanced{background:#fde9c4} .stmt.refuted{background:#f8d0d0}
.cue{font-weight:bold;border-bottom:2px solid #557} .source{color:#124;font-weight:600;text-decoration:underline dotted}
.marker{outline:2px solid #c60;border-radius:2px} .metaspan{color:#999}
table{border-collapse:collapse;margin:0 20px;background:#fff} td,th{border:1px solid #ddd;padding:4px 8px;vertical-align:top;font-size:14px}
.st{font-weight:bold} .st.asserted{color:#1a7a1a} .st.reported{color:#1a5c8a} .st.distanced{color:#b36b00} .st.refuted{color:#b00}
ul{margin:4px 20px} q{font-family:Georgia,serif} .diag{color:#b00}
"#;

/// Classes for each byte boundary segment of an article's text.
fn highlighted(a: &AnalyzedArticle) -> String {
    let text = &a.article.text;
    let mut marks: Vec<(Span, String, String)> = Vec::new(); // span, class, title
    for (i, at) in a.analysis.attributions.iter().enumerate() {
        let who = at.speaker.as_ref().map(|s| s.name.as_str()).unwrap_or("unknown");
        let title = format!(
            "#{i} {} · {} · speaker: {}",
            at.stance,
            serde_json::to_string(&at.kind).unwrap_or_default().trim_matches('"'),
            who
        );
        marks.push((at.content, format!("content {}", at.stance), title.clone()));
        marks.push((at.cue, "cue".into(), title.clone()));
        if let Some(s) = at.source {
            marks.push((s, "source".into(), title.clone()));
        }
        for m in &at.markers {
            marks.push((m.span, "marker".into(), format!("marker: {:?}", m.kind)));
        }
    }
    for st in &a.analysis.statements {
        if st.stance != corroborate_model::Stance::Asserted {
            marks.push((st.span, format!("stmt {}", st.stance), format!("own voice: {}", st.stance)));
        }
        for m in &st.markers {
            marks.push((m.span, "marker".into(), format!("marker: {:?}", m.kind)));
        }
    }
    for m in &a.article.meta_spans {
        if !matches!(m.kind, MetaKind::LinkText | MetaKind::Title) {
            marks.push((m.span, "metaspan".into(), format!("{:?}", m.kind)));
        }
    }
    let mut bounds: Vec<usize> = vec![0, text.len()];
    for (s, _, _) in &marks {
        bounds.push(s.start.min(text.len()));
        bounds.push(s.end.min(text.len()));
    }
    bounds.sort();
    bounds.dedup();
    let mut o = String::new();
    for w in bounds.windows(2) {
        let seg = Span::new(w[0], w[1]);
        let piece = esc(seg.slice(text));
        let on: Vec<&(Span, String, String)> =
            marks.iter().filter(|(s, _, _)| s.contains(&seg) && !seg.is_empty()).collect();
        if on.is_empty() {
            o.push_str(&piece);
        } else {
            let classes: Vec<&str> = on.iter().map(|x| x.1.as_str()).collect();
            let title = on.last().map(|x| x.2.as_str()).unwrap_or("");
            let _ = write!(o, "<span class=\"{}\" title=\"{}\">{}</span>", esc(&classes.join(" ")), esc(title), piece);
        }
    }
    o
}

/// The report.
pub fn render(c: &Comparison) -> String {
    render_with_notes(c, &[])
}

/// The report, with a note on each article (its source profile, say), by article index.
pub fn render_with_notes(c: &Comparison, notes: &[String]) -> String {
    let names = short_ids(c);
    let mut o = String::new();
    let _ = write!(o, "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>corroborate report</title><style>{STYLE}</style></head><body>");
    let _ = write!(o, "<header><h1>corroborate report</h1><div class=\"legend\">Outlet's voice on each attribution: <span class=\"content asserted\">asserted</span><span class=\"content reported\">reported</span><span class=\"content distanced\">distanced</span><span class=\"content refuted\">refuted</span> <span class=\"cue\">cue</span> <span class=\"source\">source</span> <span class=\"marker\">marker</span></div></header>");
    // stories are numbered by their place in the report (a corpus story keeps its own id in JSON)
    for (n, s) in c.stories.iter().enumerate() {
        let _ = write!(o, "<section class=\"story\" id=\"story-{}\"><h2>Story {}: {}</h2><p style=\"margin:0 20px\">{} article(s), {} independent origin(s)</p>", s.id, n + 1, esc(&s.label), s.articles.len(), s.origins.len());
        let _ = write!(o, "<h3>Articles</h3><ul>");
        for &i in &s.articles {
            let a = &c.articles[i].article;
            let _ = write!(
                o,
                "<li><b>{}</b> {} · {} · {}",
                letter(i),
                esc(names[i].as_str()),
                esc(a.meta.published.as_deref().unwrap_or("date unknown")),
                esc(a.meta.title.as_deref().unwrap_or(""))
            );
            if let Some(note) = notes.get(i).filter(|n| !n.is_empty()) {
                let _ = write!(o, "<br><span class=\"note\">{}</span>", esc(note));
            }
            let _ = write!(o, "</li>");
        }
        let _ = write!(o, "</ul>");
        let sp = speakers(c, &s.articles);
        if !sp.is_empty() {
            let _ = write!(o, "<h3>Who is quoted</h3><ul>");
            for row in &sp {
                let per: Vec<String> = row.counts.iter().map(|(a, n)| format!("{} ×{}", letter(*a), n)).collect();
                let note = if row.unnamed { format!(" <i>({})</i>", row.note()) } else { String::new() };
                let _ = write!(o, "<li><b>{}</b>{note}: {}</li>", esc(&row.name), esc(&per.join(", ")));
            }
            let _ = write!(o, "</ul>");
        }
        let _ = write!(o, "<h3>Claims by outlet</h3><table><tr><th>claim</th><th>said by</th>");
        for &i in &s.articles {
            let _ = write!(o, "<th>{} {}</th>", letter(i), esc(names[i].as_str()));
        }
        let _ = write!(o, "</tr>");
        for (ci, cl) in s.claims.iter().enumerate().filter(|(_, cl)| crate::worth_listing(cl)) {
            let known: String = cl
                .narratives
                .iter()
                .map(|n| format!(" <i>(known narrative: {})</i>", esc(&crate::claim_narrative_text(c, s, n))))
                .collect();
            let _ = write!(
                o,
                "<tr><td>C{} {}{}</td><td>{}</td>",
                ci + 1,
                esc(&clip(&cl.summary, 140)),
                known,
                esc(&cl.speakers.join(", "))
            );
            for &i in &s.articles {
                match cl.stances.iter().find(|os| os.article == i) {
                    Some(os) => {
                        let marks: Vec<String> =
                            os.markers.iter().map(|m| format!("“{}”", m.slice(&c.articles[i].article.text))).collect();
                        let ev: Vec<String> = os
                            .evidence
                            .iter()
                            .take(3)
                            .map(|e| format!("<q>{}</q>", esc(&clip(evidence_text(c, e), 90))))
                            .collect();
                        let _ = write!(
                            o,
                            "<td><span class=\"st {}\">{}</span> {}<br>{}</td>",
                            os.stance,
                            os.stance,
                            esc(&marks.join(" ")),
                            ev.join("<br>")
                        );
                    }
                    None => {
                        let _ = write!(o, "<td>—</td>");
                    }
                }
            }
            let _ = write!(o, "</tr>");
        }
        let _ = write!(o, "</table>");
        if let Some(note) = crate::unlisted_note(s) {
            let _ = write!(o, "<p class=\"note\" style=\"margin:4px 20px\">{}.</p>", esc(&note));
        }
        let mut any = false;
        for (ci, cl) in s.claims.iter().enumerate() {
            for r in cl.relations.iter().filter(|r| r.relation == Relation::Contradicts && r.claim > ci) {
                if !any {
                    let _ = write!(o, "<h3>Contradictions</h3><ul>");
                    any = true;
                }
                let _ = write!(o, "<li><b>{}</b><ul>", esc(&crate::contradiction_heading(ci, r)));
                // where the two meet first, in bold
                for row in crate::contradiction_rows(c, s, ci, r, 2) {
                    let e = &row.evidence;
                    let (open, close) = if row.meets { ("<b>", "</b>") } else { ("", "") };
                    let _ = write!(
                        o,
                        "<li>{open}C{}{close} [{}] {}: <q>{}</q></li>",
                        row.claim + 1,
                        letter(e.article()),
                        esc(&row_voice(c, &row)),
                        esc(&clip(evidence_text(c, e), 200))
                    );
                }
                let _ = write!(o, "</ul></li>");
            }
        }
        if any {
            let _ = write!(o, "</ul>");
        }
        if !s.count_conflicts.is_empty() {
            let _ = write!(o, "<h3>Counts that differ</h3><ul>");
            for cc in &s.count_conflicts {
                let rows = crate::count_rows(c, s, cc, 200);
                let words: Vec<String> = rows.iter().map(|r| format!("<q>{}</q>", esc(&r.words))).collect();
                let _ = write!(o, "<li><b>{}</b>: {}<ul>", esc(&cc.what), words.join(" ⟷ "));
                for r in &rows {
                    let _ = write!(
                        o,
                        "<li>C{} [{}] {}: <q>{}</q>{}</li>",
                        r.claim + 1,
                        letter(r.article),
                        esc(&r.voice),
                        esc(&r.context),
                        esc(&r.also_text())
                    );
                }
                let _ = write!(o, "</ul></li>");
            }
            if s.more_count_conflicts > 0 {
                let _ = write!(
                    o,
                    "<li>… and {} smaller disagreement(s) about counts (the largest are shown)</li>",
                    s.more_count_conflicts
                );
            }
            let _ = write!(o, "</ul>");
        }
        let narratives = crate::story_narratives(c, &s.articles);
        if !narratives.is_empty() {
            let _ = write!(o, "<h3>Known narratives</h3><ul>");
            for (name, rows) in &narratives {
                let _ = write!(o, "<li><b>{}</b>{}<ul>", esc(name), esc(&crate::narrative_claims_text(c, s, name)));
                for (art, voice, sentence) in rows {
                    let _ =
                        write!(o, "<li>[{}] {}: <q>{}</q></li>", letter(*art), esc(voice), esc(&clip(sentence, 200)));
                }
                let _ = write!(o, "</ul></li>");
            }
            let _ = write!(o, "</ul>");
        }
        let _ = write!(o, "<h3>Articles</h3><div class=\"cols\">");
        for &i in &s.articles {
            let a = &c.articles[i];
            let m = &a.article.meta;
            let _ = write!(
                o,
                "<div class=\"col\" id=\"article-{i}\"><h4>[{}] {}</h4><div class=\"meta\">{} · {} · {}</div>",
                letter(i),
                esc(m.title.as_deref().unwrap_or(names[i].as_str())),
                esc(names[i].as_str()),
                esc(m.published.as_deref().unwrap_or("date unknown")),
                esc(&m.authors.join(", "))
            );
            for d in &a.article.diagnostics {
                let _ = write!(o, "<div class=\"diag\">{}</div>", esc(&d.message));
            }
            let _ = write!(o, "<div class=\"text\">{}</div></div>", highlighted(a));
        }
        let _ = write!(o, "</div></section>");
    }
    let failed: Vec<&AnalyzedArticle> = c.articles.iter().filter(|a| a.article.failed()).collect();
    if !failed.is_empty() {
        let _ = write!(o, "<h2>Inputs that failed</h2><ul>");
        for a in failed {
            for d in &a.article.diagnostics {
                let _ = write!(o, "<li class=\"diag\">{}: {}</li>", esc(&a.article.id), esc(&d.message));
            }
        }
        let _ = write!(o, "</ul>");
    }
    o.push_str("</body></html>\n");
    o
}
