// accord web UI: timeline, actor network, map and event table over the JSON API.
// Article text is untrusted: every piece of data reaches the page through textContent or
// setAttribute on a fixed attribute name, never through innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";
const FILTER_NAMES = ["q", "type", "modality", "actor", "country", "place", "since", "until"];
const DAY_MS = 86400000;

// PLOVER types: cooperation in greens and blues, conflict in oranges, reds and purples.
const TYPE_COLORS = {
  AGREE: "#2b7bb9", CONSULT: "#5fa8d3", SUPPORT: "#8cc5e3", CONCEDE: "#2c9c9c",
  COOPERATE: "#1f7a4d", AID: "#4caf6e", RETREAT: "#98c97c",
  REQUEST: "#e0a43a", ACCUSE: "#f08a24", REJECT: "#c9772a", THREATEN: "#d9534f",
  PROTEST: "#b0486b", SANCTION: "#8e5aa8", MOBILIZE: "#6b4f9e", COERCE: "#a8324a",
  ASSAULT: "#7f1d1d",
};
const SPAN_LABELS = { trigger: "trigger", source: "source", target: "target", date: "date", place: "place" };

const state = {
  filters: {},
  sort: "date",
  nextCursor: null,
  types: [],
  quads: {},
  world: null,
  timelineBins: [],
  requests: 0,
};

// -- small DOM helpers -------------------------------------------------------------------------

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function svgEl(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attributes);
  append(node, children);
  return node;
}

function setAttributes(node, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) {
  while (node.firstChild) node.firstChild.remove();
}

function $(selector) {
  return document.querySelector(selector);
}

// Only web links are followed: a javascript: or data: URL from an article is shown as text.
function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

// A place's count: real events (canonical events) when the map counts those, else reports.
function pointCount(point) {
  return point.clusters ?? point.events;
}

// The best figure of a {low, best, high} range (a plain number from an older server).
function best(figure) {
  if (figure == null) return 0;
  return typeof figure === "number" ? figure : figure.best || 0;
}

// "12-14" when sources disagree, "12" when they agree.
function figureRange(figure) {
  if (figure == null || typeof figure === "number") return String(figure ?? 0);
  return figure.low === figure.high ? String(figure.best) : `${figure.low}-${figure.high} (best ${figure.best})`;
}

function typeColor(type) {
  return TYPE_COLORS[type] || "#7a8691";
}

function isConflict(type) {
  return (state.quads[type] || "").endsWith("conflict");
}

function names(refs) {
  // an actor the text does not name (a place's country) is marked as inferred
  return (refs || []).map((ref) => (ref.inferred ? `${ref.name} (inferred)` : ref.name)).join(", ");
}

// -- API ---------------------------------------------------------------------------------------

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(name, value);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  state.requests += 1;
  document.body.dataset.busy = "true";
  try {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
    return body;
  } finally {
    state.requests -= 1;
    if (state.requests === 0) delete document.body.dataset.busy;
  }
}

function showStatus(message) {
  const status = $("#status");
  status.textContent = message || "";
  status.hidden = !message;
}

function filtersWithout(...dropped) {
  const kept = { ...state.filters };
  for (const name of dropped) delete kept[name];
  return kept;
}

// -- filters -----------------------------------------------------------------------------------

function readFilterForm() {
  const form = $("#filters");
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function writeFilterForm() {
  const form = $("#filters");
  for (const name of FILTER_NAMES) form.elements[name].value = state.filters[name] || "";
  $("#all-dates").hidden = !(state.filters.since || state.filters.until);
}

function setFilters(filters, { timeline = true } = {}) {
  state.filters = filters;
  writeFilterForm();
  refresh({ timeline });
}

async function refresh({ timeline = true } = {}) {
  showStatus("");
  const jobs = [drawSummaryAndTimeline(timeline), drawNetwork(), drawMap(), loadEvents(false)];
  const results = await Promise.allSettled(jobs);
  const failed = results.find((result) => result.status === "rejected");
  if (failed) showStatus(failed.reason.message);
  document.body.dataset.ready = "true";
}

// -- summary and timeline ----------------------------------------------------------------------

async function drawSummaryAndTimeline(redrawTimeline) {
  const [filtered, overall] = await Promise.all([
    api("/api/stats", state.filters),
    redrawTimeline ? api("/api/stats", filtersWithout("since", "until")) : null,
  ]);
  const totals = filtered.totals;
  $("#summary").textContent =
    `${filtered.clusters} real events (${filtered.events} reports) of ${totals.events} events · ` +
    `${totals.articles} articles · ${totals.quotes} quotes · ${totals.actors} actors`;
  if (overall) {
    drawTimeline(overall);
  } else {
    drawBrush();
  }
}

function chooseBinDays(coveredDays) {
  if (coveredDays <= 120) return 1;
  if (coveredDays <= 900) return 7;
  return 30;
}

function isoDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}

// Days with events, grouped into stretches; a silence longer than GAP_DAYS breaks the axis,
// so a lone background event years back does not squash the weeks the news is about.
const GAP_DAYS = 45;
const GAP_UNITS = 2; // a break takes the width of two bins

function dayClusters(days) {
  const clusters = [];
  for (const day of days) {
    const last = clusters[clusters.length - 1];
    if (last && day - last.end <= GAP_DAYS * DAY_MS) last.end = day;
    else clusters.push({ start: day, end: day });
  }
  return clusters;
}

function timelineSlots(byDay) {
  const days = [...new Set(byDay.map((row) => Date.parse(`${row.date}T00:00:00Z`)))].sort((a, b) => a - b);
  const clusters = dayClusters(days);
  const covered = clusters.reduce((sum, cluster) => sum + (cluster.end - cluster.start) / DAY_MS + 1, 0);
  const binDays = chooseBinDays(covered);
  const slots = [];
  clusters.forEach((cluster, index) => {
    if (index) slots.push({ gap: true, from: clusters[index - 1].end, to: cluster.start });
    const count = Math.floor((cluster.end - cluster.start) / (binDays * DAY_MS)) + 1;
    for (let bin = 0; bin < count; bin += 1) {
      const start = cluster.start + bin * binDays * DAY_MS;
      slots.push({ start, end: start + (binDays - 1) * DAY_MS, counts: {}, total: 0, first: bin === 0 });
    }
  });
  const bins = slots.filter((slot) => !slot.gap);
  for (const row of byDay) {
    const day = Date.parse(`${row.date}T00:00:00Z`);
    const bin = bins.find((candidate) => day >= candidate.start && day <= candidate.end);
    bin.counts[row.type] = (bin.counts[row.type] || 0) + row.count;
    bin.total += row.count;
  }
  return { slots, binDays };
}

function drawTimeline(stats) {
  const svg = $("#timeline-chart");
  clear(svg);
  const width = Math.max(svg.clientWidth || 320, 280);
  const height = width < 500 ? 150 : 170;
  const margin = { left: 28, right: 8, top: 8, bottom: 22 };
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  state.timelineGeometry = { width, height, margin };
  const legend = $("#timeline-legend");
  clear(legend);
  const hidden = stats.imprecise + stats.undated;
  $("#timeline-note").textContent = hidden
    ? `${hidden} event(s) not on the timeline: ${stats.imprecise} dated only to a month or year, ${stats.undated} undated.`
    : "";
  const byDay = (stats.timeline || [])
    .filter((row) => row.bucket && row.bucket.length === 10)
    .map((row) => ({ date: row.bucket, type: "events", count: row.count }));
  if (!byDay.length) {
    state.timelineBins = [];
    svg.append(svgEl("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No events dated to the day for these filters."));
    return;
  }
  const { slots, binDays } = timelineSlots(byDay);
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const units = slots.reduce((sum, slot) => sum + (slot.gap ? GAP_UNITS : 1), 0);
  const step = plotWidth / units;
  const barWidth = Math.max(1, step - Math.min(2, step * 0.2));
  let x = margin.left;
  for (const slot of slots) {
    slot.x = x;
    slot.step = slot.gap ? step * GAP_UNITS : step;
    x += slot.step;
  }
  const bins = slots.filter((slot) => !slot.gap);
  state.timelineBins = bins;
  const max = Math.max(...bins.map((bin) => bin.total));
  const baseline = height - margin.bottom;

  svg.append(svgEl("rect", { x: 0, y: 0, width, height, fill: "transparent" }));
  svg.append(svgEl("line", { class: "axis", x1: margin.left, x2: width - margin.right, y1: baseline, y2: baseline }));
  svg.append(svgEl("text", { x: margin.left - 4, y: margin.top + 9, "text-anchor": "end" }, String(max)));
  svg.append(svgEl("text", { x: margin.left - 4, y: baseline, "text-anchor": "end" }, "0"));
  const order = Object.keys(TYPE_COLORS);
  bins.forEach((bin, index) => {
    let top = baseline;
    const label = binDays === 1 ? isoDay(bin.start) : `${isoDay(bin.start)} to ${isoDay(bin.end)}`;
    const group = svgEl("g", { class: "bar", "data-bin": index, "data-start": isoDay(bin.start), "data-end": isoDay(bin.end) });
    // A full-height hit area: thin or short bars stay easy to click.
    group.append(svgEl("rect", { x: bin.x, y: margin.top, width: bin.step, height: plotHeight, fill: "transparent" }));
    const stacked = Object.keys(bin.counts).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    for (const type of stacked) {
      const barHeight = (bin.counts[type] / max) * plotHeight;
      top -= barHeight;
      group.append(svgEl("rect", { x: bin.x + (step - barWidth) / 2, y: top, width: barWidth, height: barHeight, fill: typeColor(type) },
        svgEl("title", {}, `${label}: ${bin.counts[type]} ${type === "events" ? "real event(s)" : type}`)));
    }
    svg.append(group);
  });
  for (const gap of slots.filter((slot) => slot.gap)) {
    const middle = gap.x + gap.step / 2;
    svg.append(svgEl("path", { class: "axis", d: `M${middle - 3} ${baseline + 4}l3 -8M${middle + 1} ${baseline + 4}l3 -8` },
      svgEl("title", {}, `no events dated between ${isoDay(gap.from)} and ${isoDay(gap.to)}`)));
  }
  drawTimelineTicks(svg, bins, binDays);
  for (const type of order.filter((name) => stats.by_type[name])) {
    const chip = el("span", { class: "chip" });
    chip.style.background = typeColor(type);
    legend.append(el("li", {}, chip, `${type} ${stats.by_type[type]}`));
  }
  drawBrush();
}

function drawTimelineTicks(svg, bins, binDays) {
  // Each stretch's first day is labelled first, then other bins wherever a label fits.
  const { width, height, margin } = state.timelineGeometry;
  const labelWidth = 64;
  const placed = [];
  const fits = (x) => x + labelWidth / 2 <= width && placed.every((other) => Math.abs(other.x - x) >= labelWidth + 6);
  for (const bin of [...bins.filter((b) => b.first), ...bins.filter((b) => !b.first)]) {
    const x = Math.max(bin.x + bin.step / 2, labelWidth / 2);
    if (fits(x)) placed.push({ x, day: isoDay(bin.start) });
  }
  // In reading order: the year is spelled out on the first label and wherever it changes.
  let year = null;
  for (const { x, day } of placed.sort((a, b) => a.x - b.x)) {
    const text = binDays >= 30 ? day.slice(0, 7) : day.slice(0, 4) === year ? day.slice(5) : day;
    year = day.slice(0, 4);
    svg.append(svgEl("text", { x, y: height - margin.bottom + 14, "text-anchor": "middle" }, text));
  }
}

function drawBrush() {
  const svg = $("#timeline-chart");
  svg.querySelector(".brush")?.remove();
  const { since, until } = state.filters;
  const bins = state.timelineBins;
  if (!bins.length || !(since || until)) return;
  const from = since ? Date.parse(`${padDate(since, "start")}T00:00:00Z`) : -Infinity;
  const to = until ? Date.parse(`${padDate(until, "end")}T00:00:00Z`) : Infinity;
  const inside = bins.filter((bin) => bin.end >= from && bin.start <= to);
  if (!inside.length) return;
  const left = inside[0].x;
  const right = inside[inside.length - 1].x + inside[inside.length - 1].step;
  const { height, margin } = state.timelineGeometry;
  svg.append(svgEl("rect", { class: "brush", x: left, y: margin.top, width: Math.max(2, right - left), height: height - margin.top - margin.bottom }));
}

function padDate(bound, side) {
  if (bound.length === 10) return bound;
  if (bound.length === 7) {
    if (side === "start") return `${bound}-01`;
    const [year, month] = bound.split("-").map(Number);
    return isoDay(Date.UTC(year, month, 0));
  }
  return side === "start" ? `${bound}-01-01` : `${bound}-12-31`;
}

function svgX(svg, clientX) {
  const box = svg.getBoundingClientRect();
  const width = state.timelineGeometry ? state.timelineGeometry.width : box.width;
  return ((clientX - box.left) * width) / box.width;
}

function binAt(x) {
  // The last bin starting at or before x (the one before a break, inside a break).
  const bins = state.timelineBins;
  if (!bins.length) return null;
  let found = bins[0];
  for (const bin of bins) if (bin.x <= x) found = bin;
  return found;
}

function setupBrushing() {
  const svg = $("#timeline-chart");
  let startX = null;
  svg.addEventListener("pointerdown", (event) => {
    if (!state.timelineBins.length) return;
    startX = svgX(svg, event.clientX);
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener("pointermove", (event) => {
    if (startX === null) return;
    const x = svgX(svg, event.clientX);
    svg.querySelector(".brush")?.remove();
    const { height, margin } = state.timelineGeometry;
    svg.append(svgEl("rect", { class: "brush", x: Math.min(startX, x), y: margin.top, width: Math.abs(x - startX), height: height - margin.top - margin.bottom }));
  });
  svg.addEventListener("pointerup", (event) => {
    if (startX === null) return;
    const endX = svgX(svg, event.clientX);
    const first = binAt(Math.min(startX, endX));
    const last = binAt(Math.max(startX, endX));
    startX = null;
    if (!first || !last) return;
    setFilters({ ...state.filters, since: isoDay(first.start), until: isoDay(last.end) }, { timeline: false });
  });
  svg.addEventListener("pointercancel", () => {
    startX = null;
    drawBrush();
  });
}

// -- actor network -----------------------------------------------------------------------------

function layoutNetwork(nodes, edges, width, height) {
  // Fruchterman-Reingold, deterministic: nodes start on a circle, most active first.
  const area = width * height;
  const k = Math.sqrt(area / Math.max(nodes.length, 1)) * 0.5;
  const byId = new Map(nodes.map((node, index) => [node.id, index]));
  const positions = nodes.map((_, index) => {
    const angle = (2 * Math.PI * index) / Math.max(nodes.length, 1);
    const radius = Math.min(width, height) * 0.35;
    return { x: width / 2 + radius * Math.cos(angle), y: height / 2 + radius * Math.sin(angle) };
  });
  const links = edges.map((edge) => [byId.get(edge.source), byId.get(edge.target)]);
  const iterations = 300;
  for (let step = 0; step < iterations; step += 1) {
    const temperature = (Math.min(width, height) / 8) * (1 - step / iterations) + 0.5;
    const moves = positions.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < positions.length; i += 1) {
      for (let j = i + 1; j < positions.length; j += 1) {
        const dx = positions[i].x - positions[j].x || 0.01;
        const dy = positions[i].y - positions[j].y || 0.01;
        const distance = Math.max(Math.hypot(dx, dy), 1);
        const force = (k * k) / distance;
        moves[i].x += (dx / distance) * force;
        moves[i].y += (dy / distance) * force;
        moves[j].x -= (dx / distance) * force;
        moves[j].y -= (dy / distance) * force;
      }
    }
    for (const [a, b] of links) {
      const dx = positions[a].x - positions[b].x;
      const dy = positions[a].y - positions[b].y;
      const distance = Math.max(Math.hypot(dx, dy), 1);
      const force = (distance * distance) / k;
      moves[a].x -= (dx / distance) * force;
      moves[a].y -= (dy / distance) * force;
      moves[b].x += (dx / distance) * force;
      moves[b].y += (dy / distance) * force;
    }
    positions.forEach((position, index) => {
      // Gravity keeps actors without links near the middle.
      moves[index].x += width / 2 - position.x;
      moves[index].y += height / 2 - position.y;
      const length = Math.max(Math.hypot(moves[index].x, moves[index].y), 0.01);
      const limited = Math.min(length, temperature);
      position.x = Math.min(width - 30, Math.max(30, position.x + (moves[index].x / length) * limited));
      position.y = Math.min(height - 18, Math.max(18, position.y + (moves[index].y / length) * limited));
    });
  }
  return positions;
}

function labelX(x, text, width) {
  // Keep a centred label inside the chart (about 6.2px per character at 11px).
  const half = (text.length * 6.2) / 2 + 2;
  return Math.min(width - half, Math.max(half, x));
}

async function drawNetwork() {
  const svg = $("#network-chart");
  const width = Math.max(svg.clientWidth || 320, 280);
  const height = Math.round(Math.min(460, Math.max(300, width * 0.75)));
  const maxNodes = width < 500 ? 25 : 45;
  const data = await api("/api/network", { ...state.filters, max_nodes: maxNodes });
  clear(svg);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (!data.nodes.length) {
    svg.append(svgEl("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, "No actors for these filters."));
    return;
  }
  const positions = layoutNetwork(data.nodes, data.edges, width, height);
  const index = new Map(data.nodes.map((node, position) => [node.id, position]));
  const maxWeight = Math.max(1, ...data.edges.map((edge) => edge.weight));
  for (const edge of data.edges) {
    const a = positions[index.get(edge.source)];
    const b = positions[index.get(edge.target)];
    svg.append(svgEl("line", {
      class: `edge ${edge.kind}`, x1: a.x, y1: a.y, x2: b.x, y2: b.y,
      "stroke-width": 1 + (4 * edge.weight) / maxWeight,
    }, svgEl("title", {}, `${edge.weight} event(s): ${edge.cooperation} cooperation, ${edge.conflict} conflict`)));
  }
  data.nodes.forEach((node, position) => {
    const { x, y } = positions[position];
    const radius = 4 + 2.5 * Math.sqrt(node.events);
    const group = svgEl("g", { class: "node", tabindex: 0, role: "button", "data-actor": node.id, "aria-label": `${node.name}: ${node.events} events` },
      svgEl("circle", { cx: x, cy: y, r: radius, fill: node.sector === "GOV" ? "#1f5fa8" : node.sector === "MIL" ? "#7a4b1f" : node.sector === "REB" ? "#a8324a" : "#5b6570" }),
      svgEl("text", { x: labelX(x, node.name, width), y: y - radius - 3, "text-anchor": "middle" }, node.name),
      svgEl("title", {}, `${node.name}${node.country ? ` (${node.country})` : ""}: ${node.events} events`));
    group.addEventListener("click", () => openActor(node));
    group.addEventListener("keydown", (event) => {
      if (event.key === "Enter" || event.key === " ") openActor(node);
    });
    svg.append(group);
  });
}

// -- map ---------------------------------------------------------------------------------------

async function loadWorld() {
  if (!state.world) {
    const response = await fetch("/static/world.json");
    state.world = await response.json();
  }
  return state.world;
}

function mapFrame(points, width, height) {
  // Fit the points (padded) or the whole world, keeping degrees square.
  let west = -180, east = 180, south = -60, north = 85;
  if (points.length) {
    const lons = points.map((point) => point.lon);
    const lats = points.map((point) => point.lat);
    west = Math.min(...lons) - 12; east = Math.max(...lons) + 12;
    south = Math.min(...lats) - 10; north = Math.max(...lats) + 10;
    const minLon = 50, minLat = 30;
    if (east - west < minLon) { const mid = (east + west) / 2; west = mid - minLon / 2; east = mid + minLon / 2; }
    if (north - south < minLat) { const mid = (north + south) / 2; south = mid - minLat / 2; north = mid + minLat / 2; }
  }
  const scale = Math.min(width / (east - west), height / (north - south));
  const midLon = (east + west) / 2;
  const midLat = (north + south) / 2;
  return {
    x: (lon) => width / 2 + (lon - midLon) * scale,
    y: (lat) => height / 2 - (lat - midLat) * scale,
  };
}

function ringPath(ring, frame) {
  return ring.map(([lon, lat], index) => `${index ? "L" : "M"}${frame.x(lon).toFixed(1)} ${frame.y(lat).toFixed(1)}`).join("") + "Z";
}

async function drawMap() {
  const svg = $("#map-chart");
  const width = Math.max(svg.clientWidth || 320, 280);
  const height = Math.round(Math.min(460, Math.max(240, width * 0.75)));
  const [world, data] = await Promise.all([loadWorld(), api("/api/map", state.filters)]);
  clear(svg);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  const frame = mapFrame(data.points, width, height);
  svg.append(svgEl("rect", { class: "sea", x: 0, y: 0, width, height }));
  const graticule = [];
  for (let lon = -180; lon <= 180; lon += 15) graticule.push(`M${frame.x(lon)} ${frame.y(-85)}L${frame.x(lon)} ${frame.y(85)}`);
  for (let lat = -75; lat <= 75; lat += 15) graticule.push(`M${frame.x(-180)} ${frame.y(lat)}L${frame.x(180)} ${frame.y(lat)}`);
  svg.append(svgEl("path", { class: "graticule", d: graticule.join("") }));
  const land = world.features.map((feature) => feature.geometry.coordinates.flat().map((ring) => ringPath(ring, frame)).join("")).join("");
  svg.append(svgEl("path", { class: "land", d: land, "fill-rule": "evenodd" }));
  const note = $("#map-note");
  note.textContent = `${data.points.reduce((sum, point) => sum + pointCount(point), 0)} real event(s) at ${data.points.length} place(s)` +
    (data.without_place ? `; ${data.without_place} without a place` : "") +
    (data.not_geocoded ? `; ${data.not_geocoded} with a place not geocoded` : "") + ".";
  const sorted = [...data.points].sort((a, b) => pointCount(b) - pointCount(a));
  for (const point of sorted) {
    const casualties = best(point.killed) + best(point.injured);
    // capped, so one busy city does not cover its neighbours
    const radius = Math.min(22, 4 + 2.5 * Math.sqrt(pointCount(point)) + Math.sqrt(casualties));
    const conflict = Object.entries(point.types).reduce((sum, [type, count]) => sum + (isConflict(type) ? count : -count), 0) > 0;
    const marker = svgEl("circle", {
      class: `marker ${conflict ? "conflict" : "cooperation"}${point.precision === "country" ? " country-level" : ""}`,
      cx: frame.x(point.lon), cy: frame.y(point.lat), r: radius,
      tabindex: 0, role: "button", "data-place": point.name, "aria-label": `${point.name}: ${pointCount(point)} real event(s)`,
    }, svgEl("title", {}, `${point.name}${point.precision === "country" ? " (country, no town given)" : ""}: ${pointCount(point)} real event(s), ${point.events} report(s)` +
      `${casualties ? `, ${figureRange(point.killed)} killed, ${figureRange(point.injured)} injured` : ""}`));
    marker.addEventListener("click", () => openPlace(point));
    marker.addEventListener("keydown", (event) => {
      if (event.key === "Enter") openPlace(point);
    });
    svg.append(marker);
  }
  for (const point of sorted.slice(0, 8)) {
    svg.append(svgEl("text", { class: "marker-label", x: frame.x(point.lon) + 6, y: frame.y(point.lat) - 6 }, point.name));
  }
}

// -- event table -------------------------------------------------------------------------------

function eventRow(event) {
  const chip = el("span", { class: "chip" });
  chip.style.background = typeColor(event.type);
  const row = el("tr", { tabindex: 0, "data-event": event.id },
    el("td", { "data-label": "Date" }, dateShown(event.date)),
    el("td", { "data-label": "Type" }, el("span", { class: "type" }, chip, event.mode ? `${event.type}/${event.mode}` : event.type)),
    el("td", { "data-label": "Modality" }, event.modality),
    el("td", { "data-label": "Source" }, names(event.sources)),
    el("td", { "data-label": "Target" }, names(event.targets)),
    el("td", { "data-label": "Place" }, event.place ? event.place.name : ""),
    el("td", { class: "sentence" }, event.evidence.sentence));
  row.addEventListener("click", () => openEvent(event.id));
  row.addEventListener("keydown", (key) => {
    if (key.key === "Enter") openEvent(event.id);
  });
  return row;
}

async function loadEvents(more) {
  const body = $("#event-table tbody");
  const params = { ...state.filters, sort: state.sort, limit: 50 };
  if (more) params.cursor = state.nextCursor;
  const data = await api("/api/events", params);
  if (!more) clear(body);
  for (const event of data.items) body.append(eventRow(event));
  state.nextCursor = data.next_cursor;
  $("#more").hidden = !data.next_cursor;
  $("#table-note").textContent = body.children.length ? `${body.children.length} shown${data.next_cursor ? ", more below" : ""}.` : "No events for these filters.";
}

// -- detail panel ------------------------------------------------------------------------------

function openPanel(...children) {
  const body = $("#detail-body");
  clear(body);
  append(body, children);
  const panel = $("#detail");
  panel.hidden = false;
  panel.scrollTop = 0;
}

function closePanel() {
  $("#detail").hidden = true;
  if (window.location.hash.startsWith("#event=")) history.replaceState(null, "", window.location.pathname + window.location.search);
}

function highlightedSentence(sentence, highlights) {
  // Spans are offsets into the sentence; overlapping ones keep the first.
  const box = el("p", { class: "sentence-box" });
  let position = 0;
  for (const span of [...highlights].sort((a, b) => a.start - b.start)) {
    if (span.start < position || span.end > sentence.length || span.end <= span.start) continue;
    box.append(sentence.slice(position, span.start));
    box.append(el("mark", { class: span.kind, title: span.kind }, sentence.slice(span.start, span.end)));
    position = span.end;
  }
  box.append(sentence.slice(position));
  return box;
}

function fieldList(pairs) {
  const list = el("dl", { class: "fields" });
  for (const [label, value] of pairs) {
    if (value === null || value === undefined || value === "") continue;
    list.append(el("dt", {}, label), el("dd", {}, value));
  }
  return list;
}

function dateShown(date) {
  // As DateValue.shown(): a day, a span, "by <publication date>" (a bound, not a day) or the words.
  if (!date) return "";
  if (date.precision === "reported") return `by ${date.by}`;
  if (!date.start) return date.text;
  return date.end && date.end !== date.start ? `${date.start} to ${date.end}` : date.start;
}

function eventFields(event) {
  const date = event.date;
  const place = event.place;
  const counts = Object.entries(event.counts || {}).filter(([, value]) => value !== null).map(([kind, value]) => `${kind} ${value}`).join(", ");
  return [
    ["sources", names(event.sources) || "-"],
    ["targets", names(event.targets) || "-"],
    ["date", date ? `${dateShown(date)} (${date.precision || "unresolved"}${date.text && date.text !== dateShown(date) ? `; "${date.text}"` : ""})` : null],
    ["place", place ? `${[place.name, place.country].filter(Boolean).join(", ")}${place.lat !== null ? ` (${place.lat.toFixed(3)}, ${place.lon.toFixed(3)})` : ""} [${place.precision || "?"}]` : null],
    ["counts", counts],
    ["contexts", (event.contexts || []).join(", ")],
    ["according to", event.attributed_to],
    ["trigger", event.trigger],
    ["why", `${event.evidence.why} (confidence ${event.evidence.confidence.toFixed(2)})`],
    ["id", event.id],
  ];
}

function articleBlock(article) {
  const link = safeUrl(article.url);
  const textButton = el("button", { type: "button", class: "small", "data-article": article.id }, "Show article text");
  textButton.addEventListener("click", () => openArticle(article.id));
  return el("section", { class: "article" },
    el("h3", {}, "Article"),
    el("p", {}, el("strong", { class: "article-title" }, article.title || article.id)),
    fieldList([["outlet", article.outlet], ["published", article.published], ["language", article.language]]),
    el("p", {},
      link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", class: "source-link" }, "Open the source ↗") : (article.url ? `URL (not a web link): ${article.url}` : "No URL"),
      " ", textButton));
}

async function openEvent(eventId) {
  try {
    const event = await api(`/api/events/${encodeURIComponent(eventId)}`);
    const chip = el("span", { class: "chip" });
    chip.style.background = typeColor(event.type);
    const legend = el("ul", { class: "spans" }, Object.keys(SPAN_LABELS).map((kind) => el("li", {}, el("mark", { class: kind }, SPAN_LABELS[kind]))));
    openPanel(
      el("h2", { class: "event-title" }, chip, " ", event.mode ? `${event.type}/${event.mode}` : event.type, " ", el("span", { class: "badge" }, event.modality)),
      el("h3", {}, "Evidence"),
      highlightedSentence(event.evidence.sentence, event.highlights),
      legend,
      fieldList(eventFields(event)),
      articleBlock(event.article));
    $("#detail").dataset.event = event.id;
  } catch (error) {
    showStatus(error.message);
  }
}

async function openArticle(articleId) {
  try {
    const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
    const events = el("ul", { class: "list" }, article.events.map(eventItem));
    openPanel(
      el("h2", { class: "article-title" }, article.title || article.id),
      fieldList([["outlet", article.outlet], ["published", article.published], ["url", article.url], ["id", article.id]]),
      el("h3", {}, `Events (${article.events.length})`), events,
      el("h3", {}, "Text"),
      el("div", { class: "article-text" }, article.text));
  } catch (error) {
    showStatus(error.message);
  }
}

function eventItem(event) {
  const button = el("button", { type: "button", class: "link" }, event.mode ? `${event.type}/${event.mode}` : event.type);
  button.addEventListener("click", () => openEvent(event.id));
  return el("li", {}, button, ` ${dateShown(event.date)} · ${event.modality} · `, event.evidence.sentence);
}

function quoteItem(quote) {
  return el("li", {}, el("span", { class: "quote" }, `“${quote.text}”`), ` (${quote.kind}${quote.cue ? `, ${quote.cue}` : ""})`);
}

async function openActor(node) {
  try {
    const [events, quotes] = await Promise.all([
      api("/api/events", { ...filtersWithout("actor"), actor: node.id, limit: 100 }),
      api("/api/quotes", { speaker: node.id, limit: 100 }),
    ]);
    const filterButton = el("button", { type: "button", class: "small" }, "Filter all views by this actor");
    filterButton.addEventListener("click", () => setFilters({ ...state.filters, actor: node.id }));
    openPanel(
      el("h2", { class: "actor-title" }, node.name),
      fieldList([["id", node.id], ["country", node.country], ["sector", node.sector], ["events", String(node.events)]]),
      el("p", {}, filterButton),
      el("h3", {}, `Events (${events.items.length}${events.next_cursor ? "+" : ""})`),
      el("ul", { class: "list actor-events" }, events.items.map(eventItem)),
      el("h3", {}, `Quotes (${quotes.items.length}${quotes.next_cursor ? "+" : ""})`),
      quotes.items.length ? el("ul", { class: "list actor-quotes" }, quotes.items.map(quoteItem)) : el("p", { class: "note" }, "No quotes from this actor."));
  } catch (error) {
    showStatus(error.message);
  }
}

async function openPlace(point) {
  try {
    const events = await api("/api/events", { ...filtersWithout("place"), place: point.key || point.name, limit: 100 });
    openPanel(
      el("h2", {}, point.name),
      fieldList([["country", point.country], ["coordinates", `${point.lat.toFixed(3)}, ${point.lon.toFixed(3)}`], ["precision", point.precision],
        ["real events", String(pointCount(point))], ["reports", String(point.events)],
        ["killed", best(point.killed) ? figureRange(point.killed) : null], ["injured", best(point.injured) ? figureRange(point.injured) : null]]),
      el("h3", {}, "Events"),
      el("ul", { class: "list" }, events.items.map(eventItem)));
  } catch (error) {
    showStatus(error.message);
  }
}

// -- start -------------------------------------------------------------------------------------

async function loadTypes() {
  const data = await api("/api/types");
  state.types = data.types;
  state.quads = Object.fromEntries(data.types.map((row) => [row.type, row.quad]));
  const typeSelect = $("#filters").elements.type;
  for (const row of data.types) typeSelect.append(el("option", { value: row.type }, `${row.type} (${row.quad})`));
  const modalitySelect = $("#filters").elements.modality;
  for (const modality of data.modalities) modalitySelect.append(el("option", { value: modality }, modality));
}

function openFromHash() {
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (hash.startsWith("event=")) openEvent(hash.slice("event=".length));
}

function debounce(action, wait) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, wait);
  };
}

async function start() {
  const form = $("#filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setFilters(readFilterForm());
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    setFilters({});
  });
  $("#all-dates").addEventListener("click", () => setFilters(filtersWithout("since", "until"), { timeline: false }));
  $("#sort").addEventListener("change", (event) => {
    state.sort = event.target.value;
    loadEvents(false).catch((error) => showStatus(error.message));
  });
  $("#more").addEventListener("click", () => loadEvents(true).catch((error) => showStatus(error.message)));
  $("#close-detail").addEventListener("click", closePanel);
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") closePanel();
  });
  window.addEventListener("hashchange", openFromHash);
  setupBrushing();
  let lastWidth = window.innerWidth;
  window.addEventListener("resize", debounce(() => {
    if (window.innerWidth === lastWidth) return;
    lastWidth = window.innerWidth;
    refresh();
  }, 250));
  try {
    await loadTypes();
  } catch (error) {
    showStatus(error.message);
  }
  await refresh();
  openFromHash();
}

start();
