// Shared by every page: fetching the JSON API, number formats, and the page's error banner.
// The pages hold no data of their own: each number on them comes from the same /api JSON a user can download.
"use strict";

const mt = {};

/** GET a JSON document; an API error ({error, problems}) becomes an Error whose message is the API's. */
mt.getJson = async function (url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await res.text();
  let json = null;
  try { json = body ? JSON.parse(body) : null; } catch (e) { /* a non-JSON body: reported below */ }
  if (!res.ok) {
    const message = json && json.error ? json.error : `${res.status} ${res.statusText}`;
    const err = new Error(message);
    err.status = res.status;
    err.body = json;
    throw err;
  }
  return json;
};

/** The query parameter `name` of this page's URL, or `fallback`. */
mt.param = function (name, fallback) {
  const v = new URLSearchParams(window.location.search).get(name);
  return v === null || v === "" ? fallback : v;
};

mt.pct = function (x, digits = 1) {
  return x === null || x === undefined || Number.isNaN(x) ? "–" : (100 * x).toFixed(digits) + "%";
};

/** "83.7% [74.0, 93.1]": a point with its 95% interval, in percent. */
mt.pctInterval = function (iv) {
  if (!iv || iv.point === null || iv.point === undefined) return "–";
  return `${mt.pct(iv.point)} [${(100 * iv.lo).toFixed(1)}, ${(100 * iv.hi).toFixed(1)}]`;
};

mt.num = function (x, digits = 0) {
  if (x === null || x === undefined || Number.isNaN(x)) return "–";
  return Number(x).toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
};

/** Frames as 15.0M / 1.00G. */
mt.frames = function (x) {
  if (x === null || x === undefined) return "–";
  if (x >= 1e9) return (x / 1e9).toFixed(2) + "G";
  if (x >= 1e6) return (x / 1e6).toFixed(1) + "M";
  if (x >= 1e3) return (x / 1e3).toFixed(0) + "k";
  return String(x);
};

/** Seconds as "1 h 04 min", "10 min 25 s" or "42 s". */
mt.duration = function (s) {
  if (s === null || s === undefined || Number.isNaN(s)) return "–";
  const t = Math.round(s);
  const h = Math.floor(t / 3600), m = Math.floor((t % 3600) / 60), sec = t % 60;
  if (h > 0) return `${h} h ${String(m).padStart(2, "0")} min`;
  if (m > 0) return `${m} min ${String(sec).padStart(2, "0")} s`;
  return `${sec} s`;
};

mt.date = function (iso) {
  return iso ? iso.slice(0, 10) : "–";
};

/** Creates an element with attributes and children (strings become text nodes, never HTML). */
mt.el = function (tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
};

/** Shows an error in the page's banner (role=alert, so screen readers announce it). */
mt.showError = function (message) {
  const banner = document.getElementById("error");
  banner.textContent = message;
  banner.hidden = false;
};

/** A table from column definitions {label, value(row), class?}: the text alternative of each chart. */
mt.table = function (caption, columns, rows) {
  // In its own scroll box, so a wide table scrolls instead of widening the page on a phone.
  return mt.el("div", { class: "scroll" }, mt.el("table", { class: "data" },
    mt.el("caption", { text: caption }),
    mt.el("thead", {}, mt.el("tr", {}, columns.map(c => mt.el("th", { scope: "col", class: c.class }, c.label)))),
    mt.el("tbody", {}, rows.map(r => mt.el("tr", {}, columns.map(c => mt.el("td", { class: c.class }, c.value(r))))))));
};

/** Fills the site header's benchmark links from /api/benchmarks. */
mt.fillNav = async function () {
  const nav = document.getElementById("boards-nav");
  if (!nav) return;
  try {
    const list = await mt.getJson("/api/benchmarks");
    for (const b of list) {
      nav.append(mt.el("a", { href: `board.html?benchmark=${encodeURIComponent(b.name)}` }, b.name));
    }
  } catch (e) {
    mt.showError("Could not list the benchmarks: " + e.message);
  }
};
