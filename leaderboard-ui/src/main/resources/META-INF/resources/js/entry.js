// The entry page: entry.html?id=N. Everything comes from GET /api/entries/N (linked as the page's JSON export).
"use strict";

const METRIC_NAMES = { mean: "Mean", median: "Median", iqm: "IQM", optimality_gap: "Optimality gap" };

function intervalCells(point, lo, hi) {
  return `${mt.pct(point)} [${(100 * lo).toFixed(1)}, ${(100 * hi).toFixed(1)}]`;
}

function renderAggregates(e) {
  document.getElementById("aggregates").append(mt.table("Aggregate scores over seeds and tasks (95% stratified-bootstrap intervals)", [
    { label: "Metric", value: a => METRIC_NAMES[a.metric] || a.metric },
    { label: "Point [95% CI]", value: a => intervalCells(a.point, a.ciLow, a.ciHigh), class: "num" },
    { label: "Method", value: a => `${a.method}, ${mt.num(a.reps)} reps` + (a.gamma !== null && a.gamma !== undefined ? `, γ = ${a.gamma}` : "") },
    { label: "Runs × tasks", value: a => `${a.nRuns} × ${a.nTasks}`, class: "num" },
  ], e.aggregates));
}

function renderTasks(e) {
  charts.taskBars(document.getElementById("task-chart"), e.per_task);
  document.getElementById("task-table").append(mt.table("Per-task success rate (95% interval over seeds) and mean return", [
    { label: "Task", value: t => t.task },
    { label: "Success [95% CI]", value: t => intervalCells(t.successRate, t.lo, t.hi), class: "num" },
    { label: "Mean return", value: t => mt.num(t.meanReturn), class: "num" },
  ], e.per_task));
}

function renderCurves(e) {
  const c = e.curve;
  if (!c || c.frames.length === 0) {
    document.getElementById("curve-frames").append(mt.el("p", { class: "muted" }, "No learning curve was stored with these seeds."));
    return;
  }
  // The band is the mean's where the entry has it (entries scored before it was stored have the IQM's only).
  const band = c.mean || c.iqm;
  const bandName = c.mean ? "mean" : "IQM";
  document.getElementById("curve-note").textContent = `Mean success rate over tasks: each seed as a faint line; the bold line and band are the ${bandName}`
    + ` over seeds and tasks with its 95% pointwise interval` + (c.mean ? "; the dashed line is the IQM." : ".");
  const pooled = xs => ({ x: xs, point: band.map(p => p.point), lo: band.map(p => p.ciLow), hi: band.map(p => p.ciHigh),
    second: c.mean ? c.iqm.map(p => p.point) : null });
  const seeds = key => e.curves_per_seed.map(s => ({ label: String(s.seed), x: s[key], y: s.mean_success_rate }));
  charts.curve(document.getElementById("curve-frames"), pooled(c.frames), seeds("frames"), {
    label: `Success rate against frames for ${e.curves_per_seed.length} seeds, ${bandName} with 95% band; the table "Curve values" has the numbers`,
    xFormat: d3.format(".2s"), xTitle: "frames", yTitle: "success rate",
  });
  charts.curve(document.getElementById("curve-wall"), pooled(c.wallSeconds.map(s => s / 60)), seeds("wall_s").map(s => ({ ...s, x: s.x.map(v => v / 60) })), {
    label: `Success rate against wall-clock minutes for ${e.curves_per_seed.length} seeds, ${bandName} with 95% band; the table "Curve values" has the numbers`,
    xFormat: d3.format(".0f"), xTitle: "wall-clock (minutes)", yTitle: "success rate",
  });
  const rows = c.frames.map((f, i) => ({ f, w: c.wallSeconds[i], iqm: c.iqm[i], mean: c.mean ? c.mean[i] : null }));
  const columns = [
    { label: "Frames", value: r => mt.num(r.f), class: "num" },
    { label: "Wall-clock", value: r => mt.duration(r.w), class: "num" },
  ];
  if (c.mean) columns.push({ label: "Mean [95% CI]", value: r => intervalCells(r.mean.point, r.mean.ciLow, r.mean.ciHigh), class: "num" });
  columns.push({ label: "IQM [95% CI]", value: r => intervalCells(r.iqm.point, r.iqm.ciLow, r.iqm.ciHigh), class: "num" });
  document.getElementById("curve-table").append(mt.table("Success rate over seeds and tasks along training", columns, rows));
}

function renderProfile(e) {
  charts.profile(document.getElementById("profile-chart"), e.performance_profile);
  document.getElementById("profile-table").append(mt.table("Fraction of runs with success rate above τ (95% band)", [
    { label: "τ", value: p => mt.pct(p.tau, 0), class: "num" },
    { label: "Fraction [95% CI]", value: p => intervalCells(p.point, p.ciLow, p.ciHigh), class: "num" },
  ], e.performance_profile));
}

function renderImprovement(e) {
  const box = document.getElementById("poi");
  if (e.probability_of_improvement.length === 0) {
    box.append(mt.el("p", { class: "muted" }, "No other entry on this board yet."));
    return;
  }
  box.append(mt.table("Probability that this entry improves on each other entry of its board", [
    { label: "Other entry", value: p => mt.el("a", { href: `entry.html?id=${p.other}` }, p.other_method) },
    { label: "P(this > other) [95% CI]", value: p => intervalCells(p.point, p.lo, p.hi), class: "num" },
  ], e.probability_of_improvement));
}

function renderSeeds(e) {
  const m = s => s.manifest || {};
  document.getElementById("seeds").append(mt.table("Per-seed results with their run manifests", [
    { label: "Seed", value: s => String(s.seed), class: "num" },
    { label: "Mean success", value: s => mt.pct(s.mean_success_rate), class: "num" },
    { label: "Frames", value: s => mt.num(m(s).frames), class: "num" },
    { label: "Wall-clock", value: s => mt.duration(m(s).wallSeconds), class: "num" },
    { label: "Frames/s", value: s => mt.num(m(s).fps), class: "num" },
    { label: "Backend · device · threads", value: s => `${m(s).backend} · ${m(s).device} · ${m(s).threads}` },
    { label: "Engine · protocol", value: s => `${m(s).engineVersion} · v${m(s).protocolVersion}` },
    { label: "Checksum", value: s => mt.el("code", { title: s.checksum }, (s.checksum || "").slice(0, 12)) },
  ], e.seeds));
}

/** The badge beside the title: the latest verdict of a reproduction, or "not checked". */
function renderBadge(e) {
  const b = e.badge;
  const el = document.getElementById("badge");
  el.dataset.state = b.state;
  // replaceChildren, unlike mt.el, would print a null as the text "null"
  const parts = [mt.el("span", { class: "badge-state" }, b.state)];
  if (b.checked_at) {
    parts.push(mt.el("span", { class: "muted" }, ` · checked ${mt.date(b.checked_at)} (reproduction #${b.reproduction_id})`));
  }
  el.replaceChildren(...parts);
}

function renderReproductions(e) {
  const box = document.getElementById("reproductions");
  if (e.reproductions.length === 0) {
    box.append(mt.el("p", {}, "Not checked: nobody has re-run this entry yet."));
    return;
  }
  const state = p => {
    if (p.state !== "queued" && p.state !== "running") return p.state;
    const done = p.runs.filter(r => r.status === "finished").length;
    return `${p.state} (${done} of ${p.runs.length} re-runs finished)`;
  };
  box.append(mt.table("Reproductions of this entry, newest first", [
    { label: "Requested by", value: p => p.requested_by },
    { label: "When", value: p => mt.date(p.requested_at) },
    { label: "Backend", value: p => p.backend },
    { label: "Seeds", value: p => p.seeds.join(", ") },
    { label: "State", value: state },
    { label: "Ran on", value: p => p.ran_on.length ? p.ran_on.join("; ") : "–" },
    { label: "Outcome", value: p => p.outcome ? `${p.outcome} (${p.mode})` : "–" },
    { label: "Summary", value: p => p.summary || p.error || "–" },
  ], e.reproductions));
}

async function main() {
  mt.fillNav();
  const id = mt.param("id", null);
  if (!id || !/^[0-9]+$/.test(id)) {
    mt.showError("This page needs ?id=N, the entry's number (a positive whole number).");
    return;
  }
  const e = await mt.getJson(`/api/entries/${id}`);
  document.title = `${e.method} · ${e.benchmark} ${e.tier} · MTBoard`;
  document.getElementById("title").textContent = e.method;
  document.getElementById("subtitle").textContent =
    `${e.benchmark} · ${e.tier} tier · protocol v${e.protocol_version} · rank ${e.rank ?? "–"} (tier ${e.rank_tier ?? "–"})`
    + ` · ${e.algorithm}${e.network ? ", " + e.network : ""}${e.scheme ? ", " + e.scheme : ""} · team ${e.team}`
    + ` · seeds ${e.seeds_done}/${e.seeds_total} · submitted ${mt.date(e.submitted_at)}` + (e.origin ? ` · ${e.origin}` : "");
  document.getElementById("back").href = `board.html?benchmark=${encodeURIComponent(e.benchmark)}&tier=${encodeURIComponent(e.tier)}`;
  document.getElementById("export-json").href = `/api/entries/${id}`;
  document.getElementById("export-csv").href = `/api/entries/${id}/tasks.csv`;
  document.getElementById("export-config").href = `/api/entries/${id}/config`;
  document.getElementById("config").textContent = e.config;
  renderAggregates(e);
  renderTasks(e);
  renderCurves(e);
  renderProfile(e);
  renderImprovement(e);
  renderSeeds(e);
  renderBadge(e);
  renderReproductions(e);
  document.body.dataset.ready = "true";
}

main().catch(err => mt.showError("Could not load the entry: " + err.message));
