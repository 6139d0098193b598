// The status page of one submission: submission.html?id=N, refreshed from GET /api/submissions/N every 2 s
// until the submission ends (finished, failed or cancelled) and no re-run of it is active.
"use strict";

const ENDED = ["finished", "failed", "cancelled"];
const ACTIVE = ["queued", "running", "cancelling"];

function runRow(r) {
  const fraction = r.epochs_total ? r.epoch / r.epochs_total : 0;
  const progress = mt.el("progress", { max: "1", value: String(fraction), "aria-label": `seed ${r.seed}: ${mt.pct(fraction, 0)} of its epochs` });
  let state = r.status;
  if (r.status === "queued" && r.queue_position) state += ` (position ${r.queue_position} in the queue)`;
  if (r.status === "running" && r.eta_s !== null && r.eta_s !== undefined) state += ` · ETA ${mt.duration(r.eta_s)}`;
  return mt.el("tr", { class: "run", "data-seed": r.seed, "data-status": r.status },
    mt.el("td", { class: "num" }, String(r.seed)),
    mt.el("td", {}, r.purpose === "reproduction" ? "re-run" : "score"),
    mt.el("td", {}, state),
    mt.el("td", {}, progress, ` epoch ${r.epoch}/${r.epochs_total}`),
    mt.el("td", { class: "num" }, `${mt.frames(r.frames)} / ${mt.frames(r.frames_total)}`),
    mt.el("td", { class: "num" }, r.mean_success_rate !== null && r.mean_success_rate !== undefined ? mt.pct(r.mean_success_rate) : mt.pct(r.success_rate)),
    mt.el("td", { class: "num" }, String(r.attempts)),
    mt.el("td", {}, r.worker || "–"),
    mt.el("td", { class: "run-error" }, r.error || ""));
}

function render(s) {
  document.title = `Submission #${s.id} · MTBoard`;
  document.getElementById("title").textContent = `Submission #${s.id}: ${s.method}`;
  let summary = `${s.status} · ${s.benchmark} ${s.tier} tier · team ${s.team} · submitted ${s.created_at.replace("T", " ").slice(0, 19)} UTC`;
  if (s.status === "queued" && s.queue_position) summary += ` · position ${s.queue_position} in the queue`;
  const summaryEl = document.getElementById("summary");
  summaryEl.textContent = summary;
  summaryEl.dataset.status = s.status;
  if (s.status === "finished") {
    document.getElementById("entry-link").replaceChildren(mt.el("a", { href: `entry.html?id=${s.id}`, id: "to-entry" }, "See the entry and its place on the board →"));
  }
  document.getElementById("runs").replaceChildren(mt.el("div", { class: "scroll" }, mt.el("table", { class: "data" },
    mt.el("caption", {}, "One run per frozen seed"),
    mt.el("thead", {}, mt.el("tr", {}, ["Seed", "Purpose", "Status", "Progress", "Frames", "Success", "Attempts", "Worker", "Error"]
      .map(h => mt.el("th", { scope: "col" }, h)))),
    mt.el("tbody", {}, s.runs.map(runRow)))));
  document.getElementById("log").textContent = (s.log_tail || []).join("\n");
  document.getElementById("audit").replaceChildren(mt.table("Every status change, with its reason", [
    { label: "At (UTC)", value: a => a.at.replace("T", " ").slice(0, 19) },
    { label: "Seed", value: a => a.seed === null ? "–" : String(a.seed), class: "num" },
    { label: "From → to", value: a => `${a.from || "–"} → ${a.to}` },
    { label: "Reason", value: a => a.reason },
    { label: "By", value: a => a.actor },
  ], s.audit));
}

async function main() {
  mt.fillNav();
  const id = mt.param("id", null);
  if (!id || !/^[0-9]+$/.test(id)) {
    mt.showError("This page needs ?id=N, the submission's number (a positive whole number).");
    return;
  }
  document.getElementById("export-json").href = `/api/submissions/${id}`;
  for (;;) {
    try {
      const s = await mt.getJson(`/api/submissions/${id}`);
      render(s);
      document.getElementById("error").hidden = true;
      document.body.dataset.ready = "true";
      // Stop once nothing can change: the submission has ended, or (an imported one) none of its re-runs is active.
      const active = s.runs.some(r => ACTIVE.includes(r.status));
      if (ENDED.includes(s.status) || (!active && !ACTIVE.includes(s.status))) return;
    } catch (e) {
      mt.showError(`Could not load submission #${id}: ${e.message}` + (e.status === 404 ? "" : " (retrying)"));
      if (e.status === 404 || e.status === 400) return;
    }
    await new Promise(r => setTimeout(r, 2000));
  }
}

main();
