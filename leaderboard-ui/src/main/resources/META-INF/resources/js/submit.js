// The submit page: POST /api/submissions with the pasted or uploaded config; the engine's validation problems
// ({field, message, allowed}) are shown beside the form field they name, or beside the config for a config field.
"use strict";

const FORM_FIELDS = ["token", "benchmark", "tier", "method", "description", "paper_url", "code_url"];

function clearErrors() {
  for (const f of FORM_FIELDS) {
    document.getElementById("error-" + f).textContent = "";
    document.getElementById(f).removeAttribute("aria-invalid");
  }
  document.getElementById("config").removeAttribute("aria-invalid");
  document.getElementById("config-errors").replaceChildren();
  document.getElementById("error").hidden = true;
}

function showFieldError(field, text) {
  document.getElementById("error-" + field).textContent = text;
  document.getElementById(field).setAttribute("aria-invalid", "true");
}

/** Problems naming a form field go beside it; the rest name a place in the config and go beside the config. */
function showProblems(problems) {
  const configProblems = [];
  for (const p of problems) {
    const text = p.message + (p.allowed ? ` (allowed: ${p.allowed})` : "");
    if (FORM_FIELDS.includes(p.field)) showFieldError(p.field, text);
    else configProblems.push(p);
  }
  if (configProblems.length > 0) {
    document.getElementById("config").setAttribute("aria-invalid", "true");
    document.getElementById("config-errors").replaceChildren(
      mt.el("p", { class: "field-error" }, `The config has ${configProblems.length} problem${configProblems.length === 1 ? "" : "s"}:`),
      mt.el("ul", { class: "problems" }, configProblems.map(p => mt.el("li", { class: "problem", "data-field": p.field },
        mt.el("code", {}, p.field || "config"), ": ", p.message, p.allowed ? mt.el("span", { class: "muted" }, ` (allowed: ${p.allowed})`) : null))));
  }
}

async function send(event) {
  event.preventDefault();
  clearErrors();
  const token = document.getElementById("token").value.trim();
  if (!token) {
    showFieldError("token", "a team token is needed (mtb_...)");
    document.getElementById("token").focus();
    return;
  }
  sessionStorage.setItem("mtboard-token", token);
  const q = new URLSearchParams({ benchmark: document.getElementById("benchmark").value, tier: document.getElementById("tier").value });
  for (const f of ["method", "description", "paper_url", "code_url"]) {
    const v = document.getElementById(f).value.trim();
    if (v) q.set(f, v);
  }
  const button = document.getElementById("send");
  button.disabled = true;
  try {
    const res = await fetch("/api/submissions?" + q.toString(), {
      method: "POST",
      headers: { Authorization: "Bearer " + token, "Content-Type": "application/yaml", Accept: "application/json" },
      body: document.getElementById("config").value,
    });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      window.location.href = `submission.html?id=${body.id}`;
      return;
    }
    if (res.status === 401 || res.status === 403) showFieldError("token", body.error || "this token is not accepted");
    else if (body.problems && body.problems.length > 0) showProblems(body.problems);
    else mt.showError(body.error + (body.resets_at ? ` (resets at ${body.resets_at})` : ""));
    const firstInvalid = document.querySelector("[aria-invalid=true]");
    if (firstInvalid) firstInvalid.focus();
  } catch (e) {
    mt.showError("Could not reach the server: " + e.message);
  } finally {
    button.disabled = false;
  }
}

async function main() {
  mt.fillNav();
  document.getElementById("token").value = sessionStorage.getItem("mtboard-token") || "";
  const benchmarks = await mt.getJson("/api/benchmarks");
  const bSelect = document.getElementById("benchmark"), tSelect = document.getElementById("tier");
  bSelect.replaceChildren(...benchmarks.map(b => mt.el("option", { value: b.name }, b.name)));
  const fillTiers = () => {
    const b = benchmarks.find(x => x.name === bSelect.value);
    tSelect.replaceChildren(...Object.entries(b.tiers).map(([t, v]) =>
      mt.el("option", { value: t }, `${t} (${mt.frames(v.frames)} frames × ${v.seeds.length} seeds)`)));
  };
  bSelect.value = mt.param("benchmark", bSelect.value);
  bSelect.addEventListener("change", fillTiers);
  fillTiers();
  tSelect.value = mt.param("tier", "smoke");
  document.getElementById("config-file").addEventListener("change", async ev => {
    const file = ev.target.files[0];
    if (file) document.getElementById("config").value = await file.text();
  });
  document.getElementById("submit-form").addEventListener("submit", send);
  document.body.dataset.ready = "true";
}

main().catch(e => mt.showError("Could not load the form: " + e.message));
