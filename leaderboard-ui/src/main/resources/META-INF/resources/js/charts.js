// The charts, drawn as SVG with d3 (vendor/d3, ISC licence). Every chart has an aria-label and a table beside it
// that holds the same numbers, so nothing is said only in a picture. Class names on the drawn marks
// (.point, .whisker, .bar, .band, .seed-line, .mean-line) are what the browser tests count.
"use strict";

const charts = {};

const NS = "http://www.w3.org/2000/svg";

function svgIn(container, width, height, label) {
  container.replaceChildren();
  return d3.select(container).append("svg")
    .attr("xmlns", NS)
    .attr("viewBox", `0 0 ${width} ${height}`)
    .attr("width", "100%")
    .attr("role", "img")
    .attr("aria-label", label);
}

/**
 * rliable's interval plot: one panel per aggregate (median, IQM, mean, optimality gap), one row per entry,
 * the point as a dot and its 95% interval as a bar; rows of the same rank tier share a shaded band.
 * rows: [{label, tier, values: {median: {point, lo, hi}, ...}}]
 */
charts.intervalPlot = function (container, rows, panels) {
  const rowH = 18, top = 22, bottom = 30, labelW = 150, panelW = 180, gap = 44; // gap: room for two panels' end tick labels
  const width = labelW + panels.length * (panelW + gap);
  const height = top + rows.length * rowH + bottom;
  const svg = svgIn(container, width, height,
    `Interval plot of ${rows.length} entries: ${panels.map(p => p.label).join(", ")} with 95% intervals; the table below has the same numbers`);
  const y = i => top + i * rowH + rowH / 2;
  // Tier bands first, so marks sit on them.
  rows.forEach((r, i) => {
    if (r.tier % 2 === 1) {
      svg.append("rect").attr("class", "tier-band").attr("x", 0).attr("y", top + i * rowH)
        .attr("width", width).attr("height", rowH);
    }
  });
  svg.selectAll("text.row-label").data(rows).enter().append("text")
    .attr("class", "row-label").attr("x", labelW - 8).attr("y", (d, i) => y(i) + 4).attr("text-anchor", "end")
    .text(d => d.label.length > 22 ? d.label.slice(0, 21) + "…" : d.label);
  panels.forEach((p, k) => {
    const x0 = labelW + k * (panelW + gap);
    const vals = rows.map(r => r.values[p.key]).filter(v => v && v.point !== null);
    const lo = d3.min(vals, v => v.lo), hi = d3.max(vals, v => v.hi);
    const pad = Math.max(0.01, ((hi ?? 1) - (lo ?? 0)) * 0.08);
    const x = d3.scaleLinear().domain([Math.max(0, (lo ?? 0) - pad), Math.min(1, (hi ?? 1) + pad)])
      .range([x0, x0 + panelW]).nice();
    const g = svg.append("g").attr("class", "panel").attr("data-metric", p.key);
    g.append("text").attr("class", "panel-title").attr("x", x0 + panelW / 2).attr("y", 14).attr("text-anchor", "middle").text(p.label);
    g.append("g").attr("class", "axis").attr("transform", `translate(0,${top + rows.length * rowH})`)
      .call(d3.axisBottom(x).ticks(3).tickFormat(d3.format(x.domain()[1] - x.domain()[0] < 0.05 ? ".1%" : ".0%")));
    rows.forEach((r, i) => {
      const v = r.values[p.key];
      if (!v || v.point === null) return;
      g.append("rect").attr("class", "whisker").attr("x", x(v.lo)).attr("y", y(i) - 4)
        .attr("width", Math.max(1, x(v.hi) - x(v.lo))).attr("height", 8);
      g.append("circle").attr("class", "point").attr("cx", x(v.point)).attr("cy", y(i)).attr("r", 3);
    });
  });
};

/** Horizontal bars with interval whiskers, one per task. tasks: [{task, successRate, lo, hi}] */
charts.taskBars = function (container, tasks) {
  const rowH = 20, top = 8, bottom = 30, labelW = 190, plotW = 420, width = labelW + plotW + 20;
  const height = top + tasks.length * rowH + bottom;
  const svg = svgIn(container, width, height,
    `Success rate per task with 95% intervals, ${tasks.length} tasks; the table beside it has the same numbers`);
  const x = d3.scaleLinear().domain([0, 1]).range([labelW, labelW + plotW]);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${top + tasks.length * rowH})`)
    .call(d3.axisBottom(x).ticks(5).tickFormat(d3.format(".0%")));
  tasks.forEach((t, i) => {
    const yy = top + i * rowH;
    svg.append("text").attr("class", "row-label").attr("x", labelW - 8).attr("y", yy + 14).attr("text-anchor", "end").text(t.task);
    svg.append("rect").attr("class", "bar").attr("x", x(0)).attr("y", yy + 3)
      .attr("width", Math.max(0, x(t.successRate) - x(0))).attr("height", rowH - 6);
    svg.append("line").attr("class", "whisker-line").attr("x1", x(t.lo)).attr("x2", x(t.hi))
      .attr("y1", yy + rowH / 2).attr("y2", yy + rowH / 2);
  });
};

/**
 * A line chart with an interval band: the pooled curve (mean line + band) over faint per-seed lines.
 * pooled: {x: [], point: [], lo: [], hi: [], second?: []} (second: another statistic, dashed); seeds: [{label, x: [], y: []}]
 */
charts.curve = function (container, pooled, seeds, opts) {
  const width = 560, height = 300, m = { l: 52, r: 16, t: 12, b: 40 };
  const svg = svgIn(container, width, height, opts.label);
  const allX = pooled.x.concat(...seeds.map(s => s.x));
  const x = d3.scaleLinear().domain([0, d3.max(allX) || 1]).range([m.l, width - m.r]).nice();
  const y = d3.scaleLinear().domain([0, 1]).range([height - m.b, m.t]);
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.b})`)
    .call(d3.axisBottom(x).ticks(6).tickFormat(opts.xFormat));
  svg.append("g").attr("class", "axis").attr("transform", `translate(${m.l},0)`)
    .call(d3.axisLeft(y).ticks(5).tickFormat(d3.format(".0%")));
  svg.append("text").attr("class", "axis-title").attr("x", (m.l + width - m.r) / 2).attr("y", height - 6)
    .attr("text-anchor", "middle").text(opts.xTitle);
  svg.append("text").attr("class", "axis-title").attr("transform", `translate(12,${(m.t + height - m.b) / 2}) rotate(-90)`)
    .attr("text-anchor", "middle").text(opts.yTitle);
  for (const s of seeds) {
    const pts = s.x.map((v, i) => [v, s.y[i]]);
    svg.append("path").attr("class", "seed-line").attr("data-seed", s.label)
      .attr("d", d3.line().x(d => x(d[0])).y(d => y(d[1]))(pts));
  }
  if (pooled.x.length > 0) {
    const idx = pooled.x.map((_, i) => i);
    svg.append("path").attr("class", "band")
      .attr("d", d3.area().x(i => x(pooled.x[i])).y0(i => y(pooled.lo[i])).y1(i => y(pooled.hi[i]))(idx));
    svg.append("path").attr("class", "mean-line")
      .attr("d", d3.line().x(i => x(pooled.x[i])).y(i => y(pooled.point[i]))(idx));
    if (pooled.second) {
      svg.append("path").attr("class", "second-line")
        .attr("d", d3.line().x(i => x(pooled.x[i])).y(i => y(pooled.second[i]))(idx));
    }
  }
};

/** The performance profile: fraction of runs above each threshold tau, with its band. points: [{tau, point, ciLow, ciHigh}] */
charts.profile = function (container, points) {
  const pooled = { x: points.map(p => p.tau), point: points.map(p => p.point), lo: points.map(p => p.ciLow), hi: points.map(p => p.ciHigh) };
  charts.curve(container, pooled, [], {
    label: `Performance profile: fraction of runs with a success rate above each threshold, with 95% band; the table beside it has the same numbers`,
    xFormat: d3.format(".0%"), xTitle: "success rate threshold τ", yTitle: "fraction of runs > τ",
  });
};
