// The board page: board.html?benchmark=mt10-rand&tier=smoke[&sort=iqm&order=desc&algorithm=..&scheme=..]
// Every state of the page (tier, sort, filters) is in its URL, so any view can be linked to.
"use strict";

const TIERS = ["official", "standard", "smoke"];

// Board columns: key (the API's sort key where it has one), header, cell, sort value, and whether higher is better.
const COLUMNS = [
  { key: "rank", label: "Tier", cell: r => String(r.rank_tier ?? "–"), sort: r => r.rank, higher: false },
  { key: "method", label: "Method", cell: r => mt.el("a", { href: `entry.html?id=${r.id}` }, r.method), sort: r => r.method.toLowerCase(), higher: false },
  { key: "algorithm", label: "Algorithm", cell: r => r.algorithm, sort: r => r.algorithm, higher: false },
  { key: "network", label: "Network", cell: r => r.network ?? "–", sort: r => r.network ?? "", higher: false },
  { key: "scheme", label: "Scheme", cell: r => r.scheme ?? "–", sort: r => r.scheme ?? "", higher: false },
  { key: "mean", label: "Mean success [95% CI]", cell: r => mt.pctInterval(r.mean), sort: r => r.mean.point, higher: true, num: true },
  { key: "iqm", label: "IQM [95% CI]", cell: r => mt.pctInterval(r.iqm), sort: r => r.iqm.point, higher: true, num: true },
  { key: "optimality_gap", label: "Optimality gap [95% CI]", cell: r => mt.pctInterval(r.optimality_gap), sort: r => r.optimality_gap.point, higher: false, num: true },
  { key: "mean_return", label: "Mean return", cell: r => mt.num(r.mean_return), sort: r => r.mean_return, higher: true, num: true },
  { key: "frames", label: "Frames", cell: r => mt.frames(r.frames), sort: r => r.frames, higher: false, num: true },
  { key: "wall_s", label: "Wall-clock", cell: r => mt.duration(r.wall_s), sort: r => r.wall_s, higher: false, num: true },
  { key: "hours", label: "CPU / GPU hours", cell: r => hours(r), sort: r => (r.cpu_hours || 0) + (r.gpu_hours || 0), higher: false, num: true },
  { key: "seeds", label: "Seeds", cell: r => `${r.seeds_done}/${r.seeds_total}`, sort: r => r.seeds_done, higher: true, num: true },
  { key: "reproduction", label: "Reproduction", cell: r => mt.el("span", { class: "badge", "data-state": r.reproduction || "not checked" },
    r.reproduction || "not checked"), sort: r => r.reproduction || "", higher: false },
  { key: "submitted", label: "Submitted", cell: r => mt.date(r.submitted_at), sort: r => r.submitted_at, higher: false },
];

function hours(r) {
  const parts = [];
  if (r.cpu_hours) parts.push(`${r.cpu_hours.toFixed(2)} CPU`);
  if (r.gpu_hours) parts.push(`${r.gpu_hours.toFixed(2)} GPU`);
  return parts.length ? parts.join(" + ") : "–";
}

const state = { benchmark: null, tier: null, sort: "rank", order: "asc", algorithm: "", scheme: "", entries: [] };

function pageUrl() {
  const p = new URLSearchParams({ benchmark: state.benchmark, tier: state.tier });
  if (state.sort !== "rank") { p.set("sort", state.sort); p.set("order", state.order); }
  if (state.algorithm) p.set("algorithm", state.algorithm);
  if (state.scheme) p.set("scheme", state.scheme);
  return "board.html?" + p.toString();
}

function apiUrl(format) {
  return `/api/leaderboards/${encodeURIComponent(state.benchmark)}?tier=${encodeURIComponent(state.tier)}&limit=0`
    + (format ? `&format=${format}` : "");
}

/** The rows the page shows: filtered, then sorted; ties keep the board's rank order. */
function visibleRows() {
  const col = COLUMNS.find(c => c.key === state.sort) || COLUMNS[0];
  const sign = state.order === "desc" ? -1 : 1;
  return state.entries
    .filter(r => !state.algorithm || r.algorithm === state.algorithm)
    .filter(r => !state.scheme || r.scheme === state.scheme)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => {
      const x = col.sort(a.r), y = col.sort(b.r);
      if (x === y || x === null || y === null) return a.i - b.i;
      return (x < y ? -1 : 1) * sign;
    })
    .map(o => o.r);
}

function renderHeader() {
  const row = mt.el("tr", {}, COLUMNS.map(c => {
    const active = c.key === state.sort;
    const sortDir = active ? (state.order === "asc" ? "ascending" : "descending") : "none";
    const button = mt.el("button", {
      type: "button", class: "sort", "data-sort": c.key,
      "aria-label": `Sort by ${c.label}` + (active ? ` (now ${sortDir})` : ""),
      onclick: () => {
        if (state.sort === c.key) state.order = state.order === "asc" ? "desc" : "asc";
        else { state.sort = c.key; state.order = c.higher ? "desc" : "asc"; }
        render();
        document.querySelector(`button[data-sort="${c.key}"]`).focus();
      },
    }, c.label, mt.el("span", { class: "arrow", "aria-hidden": "true" }, active ? (state.order === "asc" ? " ▲" : " ▼") : ""));
    return mt.el("th", { scope: "col", "aria-sort": sortDir, class: c.num ? "num" : null }, button);
  }));
  document.querySelector("#board thead").replaceChildren(row);
}

const PLOT_ROWS = 40;

function render() {
  history.replaceState(null, "", pageUrl());
  renderHeader();
  const rows = visibleRows();
  document.querySelector("#board tbody").replaceChildren(...rows.map(r =>
    mt.el("tr", { "data-id": r.id, class: r.rank_tier % 2 === 1 ? "tier-odd" : "tier-even" },
      COLUMNS.map(c => mt.el("td", { class: c.num ? "num" : null }, c.cell(r))))));
  const total = state.entries.length;
  document.getElementById("count").textContent = rows.length === total
    ? `${total} ${total === 1 ? "entry" : "entries"}`
    : `${rows.length} of ${total} entries match the filters`;
  const plotted = rows.slice(0, PLOT_ROWS);
  document.getElementById("plot-note").textContent = rows.length > PLOT_ROWS
    ? `The first ${PLOT_ROWS} rows of the table below, in its order; shaded bands mark rank tiers.`
    : "One row per entry of the table below, in its order; shaded bands mark rank tiers (statistically tied entries).";
  const plot = document.getElementById("interval-plot");
  if (plotted.length === 0) {
    plot.replaceChildren(mt.el("p", { class: "muted" }, total === 0 ? "No entries on this board yet." : "No entry matches the filters."));
  } else {
    charts.intervalPlot(plot, plotted.map(r => ({ label: r.method, tier: r.rank_tier, values: r })), [
      { key: "median", label: "Median" }, { key: "iqm", label: "IQM" }, { key: "mean", label: "Mean" },
      { key: "optimality_gap", label: "Optimality gap" },
    ]);
  }
}

function fillFilter(id, values, selected, onChange) {
  const select = document.getElementById(id);
  select.replaceChildren(mt.el("option", { value: "" }, "all"),
    ...[...new Set(values)].sort().map(v => mt.el("option", { value: v, selected: v === selected }, v)));
  select.addEventListener("change", () => { onChange(select.value); render(); });
}

async function pickTier(benchmark, tiers) {
  // Without a tier in the URL, the most official tier that has entries (official, then standard, then smoke).
  for (const t of TIERS.filter(t => tiers.includes(t))) {
    const b = await mt.getJson(`/api/leaderboards/${encodeURIComponent(benchmark)}?tier=${t}&limit=1`);
    if (b.total > 0) return t;
  }
  return tiers.includes("official") ? "official" : tiers[0];
}

async function main() {
  mt.fillNav();
  const benchmarks = await mt.getJson("/api/benchmarks");
  state.benchmark = mt.param("benchmark", benchmarks[0] ? benchmarks[0].name : null);
  const b = benchmarks.find(x => x.name === state.benchmark);
  if (!b) {
    mt.showError(`No benchmark '${state.benchmark}'. This server runs: ${benchmarks.map(x => x.name).join(", ")}.`);
    return;
  }
  const tiers = Object.keys(b.tiers);
  state.tier = mt.param("tier", null) || await pickTier(b.name, tiers);
  if (!tiers.includes(state.tier)) {
    mt.showError(`Benchmark ${b.name} has no tier '${state.tier}'; it has ${tiers.join(", ")}.`);
    return;
  }
  state.sort = mt.param("sort", "rank");
  if (!COLUMNS.some(c => c.key === state.sort)) state.sort = "rank";
  state.order = mt.param("order", "asc") === "desc" ? "desc" : "asc";
  state.algorithm = mt.param("algorithm", "");
  state.scheme = mt.param("scheme", "");

  document.title = `${b.name} ${state.tier} · MTBoard`;
  document.getElementById("title").textContent = `${b.name} leaderboard`;
  const tier = b.tiers[state.tier];
  document.getElementById("subtitle").textContent =
    `Protocol v${b.protocol_version} · ${state.tier} tier: ${mt.frames(tier.frames)} frames per run, frozen seeds ${tier.seeds.join(", ")}`
    + ` · success rate per task averaged over the last ${b.score_epochs} epochs, ${b.episode_length}-step episodes`;
  document.getElementById("tiers").replaceChildren(...tiers.map(t =>
    mt.el("a", { href: `board.html?benchmark=${encodeURIComponent(b.name)}&tier=${t}`, "aria-current": t === state.tier ? "page" : null }, t)));

  const board = await mt.getJson(apiUrl(null));
  state.entries = board.entries;
  document.getElementById("export-csv").href = apiUrl("csv");
  document.getElementById("export-json").href = apiUrl(null);
  fillFilter("filter-algorithm", state.entries.map(r => r.algorithm), state.algorithm, v => { state.algorithm = v; });
  fillFilter("filter-scheme", state.entries.map(r => r.scheme).filter(Boolean), state.scheme, v => { state.scheme = v; });
  render();
  // Milliseconds from navigation to a drawn board (ci/bench/board-render.sh reads it).
  document.body.dataset.renderMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "true";
}

main().catch(e => mt.showError("Could not load the board: " + e.message));
