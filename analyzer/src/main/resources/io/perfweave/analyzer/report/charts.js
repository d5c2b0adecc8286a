"use strict";
// The pages' shared drawing code: DOM and SVG builders, number formats, and the charts
// (histograms on a log time axis, alone or overlaid, with an optional marker). Inlined into
// report.html and compare.html by the analyzer so that each page stays one offline file.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}
const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs) { const n = document.createElementNS(SVG, tag); for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v); return n; }
function svgText(x, y, text, attrs) { const t = svg("text", Object.assign({x: x, y: y}, attrs || {})); t.textContent = text; return t; }
function ms(v) {
  if (v === undefined || v === null) return "–";
  if (v >= 60000) return (v / 60000).toFixed(1) + " min";
  if (v >= 1000) return (v / 1000).toFixed(v >= 10000 ? 0 : 1) + " s";
  if (v >= 10) return v.toFixed(0) + " ms";
  if (v >= 1) return v.toFixed(1) + " ms";
  return v === 0 ? "0 ms" : (v >= 0.001 ? (v * 1000).toFixed(v >= 0.01 ? 0 : 1) + " µs" : (v * 1e6).toFixed(0) + " ns");
}
function pct(v) { return (v * 100).toFixed(Math.abs(v) >= 0.1 ? 1 : 2).replace(/\.?0+$/, "") + " %"; }
function num(v) { return Number.isInteger(v) ? v.toLocaleString("en-US") : (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)); }
function nsLabel(v) {
  const [unit, scale] = v >= 1e9 ? ["s", 1e9] : v >= 1e6 ? ["ms", 1e6] : v >= 1e3 ? ["µs", 1e3] : ["ns", 1];
  return Number((v / scale).toPrecision(2)) + " " + unit;
}
/** Ticks of a log axis in ns: the powers of ten within [lo, hi], else its two ends. */
function logTicks(loNs, hiNs) {
  const ticks = [];
  for (let v = 1; v <= hiNs; v *= 10) if (v >= loNs) ticks.push(v);
  return ticks.length >= 2 ? ticks : [loNs, hiNs];
}
/** Both axes of a chart, the y axis with three labelled grid lines, and the axis titles. */
function axes(s, left, top, w, h, xLabel, yLabel, yMax, yFormat) {
  s.append(svg("line", {class: "axis", x1: left, y1: top + h, x2: left + w, y2: top + h}), svg("line", {class: "axis", x1: left, y1: top, x2: left, y2: top + h}));
  for (const f of [0, 0.5, 1]) {
    const y = top + h - f * h;
    if (f > 0) s.append(svg("line", {class: "grid", x1: left + 1, y1: y, x2: left + w, y2: y}));
    s.append(svgText(left - 4, y + 3, yFormat(yMax * f), {"text-anchor": "end"}));
  }
  s.append(svgText(left + w / 2, top + h + 28, xLabel, {"text-anchor": "middle"}));
  s.append(svgText(10, top + h / 2, yLabel, {transform: "rotate(-90 10 " + (top + h / 2) + ")", "text-anchor": "middle"}));
}
/** The bucket range [lo, hi] holding every series' counts, one empty bucket either side. */
function bucketRange(series) {
  let lo = Infinity, hi = -1;
  for (const b of series) b.forEach((x, i) => { if (x > 0) { lo = Math.min(lo, i); hi = Math.max(hi, i); } });
  return hi < 0 ? null : [Math.max(0, lo - 1), Math.min(series[0].length - 1, hi + 1)];
}
/**
 * A histogram over power-of-two time buckets (bucket i holds [2^i, 2^(i+1)) ns) on a log axis.
 * One series is drawn as bars of counts; several as outlined steps of each one's share of its
 * calls, so that runs of different lengths overlay. A marker (a TTL) is a dashed vertical line.
 * @param o {title, kind (a CSS class), xLabel, yLabel, series: [{name, buckets, cls}], marker: {ns, label}, note}
 */
function logHistogram(o) {
  const box = el("div", Object.assign({class: "chart " + o.kind}, o.id ? {id: o.id} : {}));
  box.append(el("h4", {}, o.title));
  const range = bucketRange(o.series.map(s => s.buckets));
  if (!range) { box.append(el("p", {class: "empty"}, o.empty || "no calls")); return box; }
  let [lo, hi] = range;
  const markerBucket = o.marker ? Math.floor(Math.log2(Math.max(1, o.marker.ns))) : null;
  if (markerBucket !== null) { lo = Math.min(lo, markerBucket); hi = Math.max(hi, markerBucket); }
  const overlaid = o.series.length > 1;
  const values = o.series.map(s => { const total = s.buckets.reduce((a, b) => a + b, 0) || 1; return overlaid ? s.buckets.map(x => x / total) : s.buckets; });
  const left = 52, top = 6, w = 322, h = 110, n = hi - lo + 1, bw = w / n;
  const highest = Math.max(...values.map(v => Math.max(...v.slice(lo, hi + 1)))) || 1;
  // shares on a round scale (to the next 10 %), so that the grid lines read 50 % and 100 %
  const max = overlaid ? Math.min(1, Math.ceil(highest * 10) / 10) : highest;
  const s = svg("svg", {width: left + w + 20, height: top + h + 36, role: "img", "aria-label": o.title});
  axes(s, left, top, w, h, o.xLabel, overlaid ? "share of calls" : o.yLabel, max, overlaid ? v => pct(v) : v => num(Math.round(v)));
  const y = v => top + h - (v / max) * h;
  o.series.forEach((series, k) => {
    const v = values[k];
    if (!overlaid) {
      for (let i = lo; i <= hi; i++) {
        const bh = v[i] ? Math.max(1, (v[i] / max) * h) : 0;
        const rect = svg("rect", {class: "bar " + (series.cls || ""), x: left + (i - lo) * bw + 1, y: top + h - bh, width: Math.max(1, bw - 2), height: bh});
        rect.append(svg("title", {})); rect.lastChild.textContent = num(v[i]) + " from " + nsLabel(Math.pow(2, i)) + " to " + nsLabel(Math.pow(2, i + 1));
        s.append(rect);
      }
      return;
    }
    const points = [];
    for (let i = lo; i <= hi; i++) points.push((left + (i - lo) * bw) + "," + y(v[i]), (left + (i - lo + 1) * bw) + "," + y(v[i]));
    s.append(svg("polyline", {class: "step " + series.cls, points: points.join(" "), fill: "none", "stroke-width": 1.8}));
  });
  const x = ns => left + (Math.log2(ns) - lo) / n * w;
  for (const v of logTicks(Math.pow(2, lo), Math.pow(2, hi + 1))) {
    s.append(svg("line", {class: "axis", x1: x(v), y1: top + h, x2: x(v), y2: top + h + 4}));
    s.append(svgText(x(v), top + h + 14, nsLabel(v), {"text-anchor": "middle"}));
  }
  if (o.marker) {
    const mx = x(o.marker.ns);
    s.append(svg("line", {class: "marker", x1: mx, y1: top, x2: mx, y2: top + h}));
    const leftOfLine = mx > left + w * 0.6;
    s.append(svgText(leftOfLine ? mx - 3 : mx + 3, top + 10, o.marker.label, {class: "marker-label", "text-anchor": leftOfLine ? "end" : "start"}));
    box.dataset.markerNs = o.marker.ns;
  }
  box.append(s);
  if (o.note) box.append(el("div", {class: "muted note"}, o.note));
  if (overlaid) {
    const legend = el("div", {class: "legend muted"});
    o.series.forEach(series => legend.append(el("span", {class: "swatch " + series.cls}), series.name));
    box.append(legend);
  }
  return box;
}
