// The corroborate web app: a hash router over the JSON API. No build step, no dependencies.
"use strict";
const main = document.getElementById("main");

function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, c => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c]));
}

async function api(path, options) {
  const r = await fetch(path, options);
  const body = await r.json().catch(() => ({error: {code: "bad_response", message: r.statusText}}));
  if (!r.ok) throw new Error(`${body.error?.code ?? r.status}: ${body.error?.message ?? ""}`);
  return body;
}

// Shows a failed request's error in place of what was loading there (`where`: the whole view by
// default), so no "Loading…" stays under it.
function fail(e, where = main) {
  where.classList.remove("muted");
  where.innerHTML = `<p class="err" id="error">${esc(e.message)}</p>`;
}

function options(facets, selected, all) {
  return `<option value="">${esc(all)}</option>` + facets.map(f =>
    `<option value="${esc(f.value)}"${f.value === selected ? " selected" : ""}>${esc(f.name ? `${f.name} (${f.value})` : f.value)} · ${f.stories}</option>`).join("");
}

async function storyList(params) {
  const q = new URLSearchParams(params);
  let facets = {outlets: [], narratives: [], techniques: []}, facetsFailed = null;
  try { facets = await api("/api/facets"); } catch (e) { facetsFailed = e; }
  main.innerHTML = `<h2>Stories</h2>${facetsFailed ? `<p class="err" id="facets-error">${esc(facetsFailed.message)}</p>` : ""}
  <form class="filters" id="filters">
    <label>Outlet<input name="outlet" id="f-outlet" list="outlets" value="${esc(q.get("outlet"))}"></label>
    <datalist id="outlets">${facets.outlets.map(f => `<option value="${esc(f.value)}">`).join("")}</datalist>
    <label>Narrative<select name="narrative" id="f-narrative">${options(facets.narratives, q.get("narrative"), "any")}</select></label>
    <label>Technique<select name="technique" id="f-technique">${options(facets.techniques, q.get("technique"), "any")}</select></label>
    <label>Entity / label<input name="label" value="${esc(q.get("label"))}"></label>
    <label>From<input name="from" id="f-from" type="date" value="${esc(q.get("from"))}"></label>
    <label>To<input name="to" id="f-to" type="date" value="${esc(q.get("to"))}"></label>
    <label>Min. articles<input name="min_articles" type="number" min="1" value="${esc(q.get("min_articles"))}"></label>
    <button id="filter">Filter</button></form><div id="list" class="muted">Loading…</div>`;
  document.getElementById("filters").addEventListener("submit", ev => {
    ev.preventDefault();
    const p = new URLSearchParams();
    for (const [k, v] of new FormData(ev.target)) if (v) p.set(k, v);
    if (q.get("limit")) p.set("limit", q.get("limit")); // the page size stays; a new filter starts at its first page
    location.hash = "#/?" + p.toString();
  });
  for (const [k, v] of [...q]) if (!v) q.delete(k);
  const list = document.getElementById("list");
  try {
    const {stories, total, total_is_lower_bound: more, offset, limit} = await api("/api/stories?" + q.toString());
    // a total the server stopped counting at is shown as "1,100+"
    const n = x => x.toLocaleString("en");
    const all = n(total) + (more ? "+" : "");
    const page = o => { const p = new URLSearchParams(q); if (o > 0) p.set("offset", o); else p.delete("offset"); return "#/?" + p.toString(); };
    const pager = id => `<p class="pager muted"${id ? ` id="${id}"` : ""}>` +
      (stories.length ? `Showing ${n(offset + 1)}–${n(offset + stories.length)} of ${all} stor${total === 1 && !more ? "y" : "ies"}` : `None of ${all} stories on this page`) +
      (offset > 0 ? ` · <a class="prev" href="${esc(page(Math.max(0, Math.min(offset, total) - Math.max(limit, 1))))}">‹ Previous</a>` : "") +
      (offset + stories.length < total && stories.length ? ` · <a class="next" href="${esc(page(offset + stories.length))}">Next ›</a>` : "") +
      (!stories.length ? ` · <a class="first" href="${esc(page(0))}">First page</a>` : "") + `</p>`;
    const rows = stories.map(s => `<tr><td><a href="#/story/${s.id}">${esc(s.label || "(no label)")}</a></td>
      <td>${s.articles}</td><td>${esc(s.outlets.join(", "))}</td>
      <td class="techniques">${esc(s.techniques.join(", "))}${s.narratives.length ? `<br><b>narratives:</b> ${esc(s.narratives.join(", "))}` : ""}</td>
      <td>${esc(s.first_published ?? "")}${s.last_published && s.last_published !== s.first_published ? " – " + esc(s.last_published) : ""}</td></tr>`);
    list.innerHTML = stories.length
      ? `${pager("pager")}<table id="stories"><tr><th>Story</th><th>Articles</th><th>Outlets</th><th>Techniques / narratives</th><th>Published</th></tr>${rows.join("")}</table>${pager("")}`
      : total ? pager("pager") : `<p>No stories match.</p>`;
  } catch (e) { fail(e, list); }
}

async function storyPage(id) {
  main.innerHTML = `<p class="muted">Loading story ${esc(id)}…</p>`;
  try {
    const d = await api(`/api/stories/${encodeURIComponent(id)}`);
    const arts = d.comparison.articles.map((a, i) =>
      `<li><a href="#/article/${d.article_keys[i]}">${esc(a.meta?.title || a.id)}</a> <span class="muted">${esc(a.meta?.outlet ?? "")}</span></li>`);
    main.innerHTML = `<h2 id="story-title">${esc(d.story.label)}</h2>
      <p class="muted">${d.story.articles} article(s); ${esc(d.story.outlets.join(", "))}</p>
      <ul>${arts.join("")}</ul>
      <iframe id="report" title="story report" src="/stories/${encodeURIComponent(id)}/report.html"></iframe>`;
  } catch (e) { fail(e); }
}

async function articlePage(key) {
  main.innerHTML = `<p class="muted">Loading article ${esc(key)}…</p>`;
  try {
    const a = await api(`/api/articles/${encodeURIComponent(key)}`);
    main.innerHTML = `<h2>${esc(a.meta?.title || a.id)}</h2>
      <p class="muted">${esc(a.meta?.outlet ?? "")} ${esc(a.meta?.published ?? "")} · ${a.attributions.length} attribution(s)
      ${a.story != null ? `· <a href="#/story/${a.story}">its story</a>` : ""}</p>
      <iframe id="report" title="article" src="/articles/${encodeURIComponent(key)}/report.html"></iframe>`;
  } catch (e) { fail(e); }
}

function searchPage(params) {
  const q = new URLSearchParams(params).get("q") ?? "";
  main.innerHTML = `<h2>Search</h2><form id="search" class="filters"><label>Words<input name="q" value="${esc(q)}" size="40"></label><button>Search</button></form><div id="hits"></div>`;
  document.getElementById("search").addEventListener("submit", ev => {
    ev.preventDefault();
    location.hash = "#/search?q=" + encodeURIComponent(new FormData(ev.target).get("q"));
  });
  if (!q) return;
  const out = document.getElementById("hits");
  api("/api/search?q=" + encodeURIComponent(q)).then(({hits}) => {
    out.innerHTML = hits.length ? hits.map(h =>
      `<div class="hit"><a href="#/article/${h.key}">${esc(h.title || h.id)}</a> ${h.story != null ? `<a class="muted" href="#/story/${h.story}">story</a>` : ""}
       <div class="muted">${esc(h.snippet).replace(/\uE000/g, "<mark>").replace(/\uE001/g, "</mark>")}</div></div>`).join("") : "<p>No matches.</p>";
  }, e => fail(e, out));
}

function comparePage() {
  main.innerHTML = `<h2>Compare</h2>
  <p class="muted">Paste two or more articles (a title line first helps; <code>URL:</code>, <code>Date:</code> and <code>Author:</code> lines above the text name the outlet, the date and the byline), or URLs of articles already in the corpus, one per line.</p>
  <form id="compare">
    <div class="docs"><label>Article 1<textarea name="text" id="text1" placeholder="Title: ...&#10;URL: https://...&#10;Date: 2031-03-14&#10;&#10;The article's text ..."></textarea></label>
    <label>Article 2<textarea name="text" id="text2"></textarea></label></div>
    <label>URLs in the corpus<textarea name="urls" id="urls" style="min-height:40px"></textarea></label>
    <button id="run">Compare</button></form>
  <div id="result"></div>`;
  document.getElementById("compare").addEventListener("submit", async ev => {
    ev.preventDefault();
    const fd = new FormData(ev.target);
    const texts = fd.getAll("text").filter(t => t.trim());
    const urls = String(fd.get("urls")).split(/\s+/).filter(Boolean);
    const out = document.getElementById("result");
    out.innerHTML = `<p class="muted">Comparing…</p>`;
    try {
      const r = await api("/api/compare", {method: "POST", headers: {"content-type": "application/json"}, body: JSON.stringify({texts, urls})});
      const c = r.comparison;
      out.innerHTML = `<p id="summary">${c.articles.length} article(s), ${c.stories.length} story(ies), ${c.articles.reduce((n, a) => n + a.attributions.length, 0)} attribution(s)</p>
        <iframe id="report" title="comparison"></iframe>`;
      document.getElementById("report").srcdoc = r.html;
    } catch (e) { fail(e, out); }
  });
}

function route() {
  const h = location.hash.replace(/^#/, "") || "/";
  const [path, query] = h.split("?");
  let m;
  if ((m = path.match(/^\/story\/(\d+)$/))) return storyPage(m[1]);
  if ((m = path.match(/^\/article\/(\d+)$/))) return articlePage(m[1]);
  if (path === "/search") return searchPage(query ?? "");
  if (path === "/compare") return comparePage();
  return storyList(query ?? "");
}

window.addEventListener("hashchange", route);
route();
