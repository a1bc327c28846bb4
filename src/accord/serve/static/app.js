// accord web UI: an analyst's workbench over the JSON API. Timeline, actor network, map, a table
// of canonical events (or reports), proposals, and panels for an event, a canonical event, an
// actor, a place or an article. The whole view lives in the URL query, so a link keeps it and
// back/forward restore it.
// Article text is untrusted: every piece of data reaches the page through textContent or
// setAttribute on a fixed attribute name, never through innerHTML.

const SVG_NS = "http://www.w3.org/2000/svg";
const FILTER_NAMES = ["q", "type", "modality", "actor", "actor_id", "country", "place", "since", "until"];
const DATE_FILTERS = ["since", "until"];
const DAY_MS = 86400000;
const TABLE_PAGE = 50;
const PANEL_PAGE = 50;
const PROPOSAL_STATUSES = ["proposed", "considered", "accepted", "declined", "agreed", "implemented", "violated", "extended", "expired", "collapsed"];

// Everything the URL holds besides the filters, with the value a clean URL leaves out.
const DEFAULTS = { tab: "events", unit: "clusters", sort: "date", granularity: "day", open: "", status: "" };
const CHOICES = {
  tab: ["events", "proposals"],
  unit: ["clusters", "events"],
  granularity: ["day", "week", "month"],
  sort: { clusters: ["date", "-date", "reports"], events: ["date", "-date", "id"] },
};
const SORT_LABELS = {
  date: "date, oldest first", "-date": "date, newest first", reports: "most reports", id: "id",
};

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
  view: null, // what the URL says: { filters, tab, unit, sort, granularity, open, status }
  loaded: {}, // the key of what each part of the page shows, to redraw only what changed
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

// Click, Enter or Space: the same action, so rows, markers and nodes work from the keyboard.
function activate(node, action) {
  node.addEventListener("click", (event) => {
    if (event.target.closest("a, button") && event.target.closest("a, button") !== node) return;
    action(event);
  });
  node.addEventListener("keydown", (event) => {
    if (event.target !== node || (event.key !== "Enter" && event.key !== " ")) return;
    event.preventDefault();
    action(event);
  });
}

function linkButton(text, action, attributes = {}) {
  const button = el("button", { type: "button", class: "link", ...attributes }, text);
  button.addEventListener("click", (event) => {
    event.stopPropagation();
    action();
  });
  return button;
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

function sourceLink(url, text = "source ↗") {
  const link = safeUrl(url);
  return link ? el("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank", class: "source-link" }, text) : null;
}

// A place's count: real events (canonical events) when the map counts those, else reports.
function pointCount(point) {
  return point.clusters ?? point.events;
}

function placeKey(place) {
  return place.key || (place.country ? `${place.name}|${place.country}` : place.name);
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

function typeChip(type, mode) {
  const chip = el("span", { class: "chip", "aria-hidden": "true" });
  chip.style.background = typeColor(type);
  return el("span", { class: "type" }, chip, mode ? `${type}/${mode}` : type);
}

function isConflict(type) {
  return (state.quads[type] || "").endsWith("conflict");
}

function names(refs) {
  // an actor the text does not name (a place's country) is marked as inferred
  return (refs || []).map((ref) => (ref.inferred ? `${ref.name} (inferred)` : ref.name)).join(", ");
}

// An actor's name that opens its panel (an event's ref has actor_id, a cluster's has id).
function actorLink(ref) {
  if (!ref) return null;
  const id = ref.actor_id || ref.id;
  const text = ref.inferred ? `${ref.name} (inferred)` : ref.name;
  return id ? linkButton(text, () => openThing("actor", id), { "data-actor": id }) : text;
}

function actorLinks(refs) {
  const parts = [];
  (refs || []).forEach((ref, index) => parts.push(index ? ", " : null, actorLink(ref)));
  return parts;
}

function placeLink(place) {
  if (!place || !place.name) return null;
  const label = place.country && place.precision !== "country" ? `${place.name}` : place.name;
  return linkButton(label, () => openThing("place", placeKey(place)), { "data-place": placeKey(place) });
}

// A date as the server words it at its precision: "2023", "May 2025", "by 16 May 2025".
function dateText(date) {
  if (!date) return "undated";
  if (date.display) return date.display;
  if (date.precision === "reported") return `by ${date.by}`;
  if (!date.start) return date.text || "undated";
  return date.end && date.end !== date.start ? `${date.start} to ${date.end}` : date.start;
}

// -- API ---------------------------------------------------------------------------------------

async function api(path, params = {}) {
  const url = withQuery(path, params);
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

function withQuery(path, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") query.set(name, value);
  }
  return query.toString() ? `${path}?${query}` : path;
}

function showStatus(message) {
  const status = $("#status");
  status.textContent = message || "";
  status.hidden = !message;
  // a date the server refused marks its field
  for (const name of DATE_FILTERS) {
    const field = $("#filters").elements[name];
    const refused = Boolean(message) && message.startsWith(name);
    field.setAttribute("aria-invalid", refused ? "true" : "false");
  }
}

function failed(error) {
  showStatus(error.message);
}

function apiFilters(...dropped) {
  const kept = { ...state.view.filters };
  for (const name of dropped) delete kept[name];
  return kept;
}

// -- the view in the URL -----------------------------------------------------------------------

function viewFromUrl() {
  const params = new URLSearchParams(window.location.search);
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = (params.get(name) || "").trim();
    if (value) filters[name] = value;
  }
  const pick = (name, allowed) => (allowed.includes(params.get(name)) ? params.get(name) : DEFAULTS[name]);
  const unit = pick("unit", CHOICES.unit);
  const sort = CHOICES.sort[unit].includes(params.get("sort")) ? params.get("sort") : DEFAULTS.sort;
  let open = params.get("open") || "";
  // the old link form /#event=ID still opens the event
  const hash = decodeURIComponent(window.location.hash.slice(1));
  if (!open && hash.startsWith("event=")) open = `event:${hash.slice("event=".length)}`;
  return {
    filters, unit, sort, open,
    tab: pick("tab", CHOICES.tab),
    granularity: pick("granularity", CHOICES.granularity),
    status: PROPOSAL_STATUSES.includes(params.get("status")) ? params.get("status") : "",
  };
}

function urlOfView(view) {
  const query = new URLSearchParams();
  for (const name of FILTER_NAMES) if (view.filters[name]) query.set(name, view.filters[name]);
  for (const name of Object.keys(DEFAULTS)) if (view[name] && view[name] !== DEFAULTS[name]) query.set(name, view[name]);
  const text = query.toString();
  return `${window.location.pathname}${text ? `?${text}` : ""}`;
}

// Change the view: a new history entry (replace: the same entry), then draw what changed.
function navigate(changes, { replace = false } = {}) {
  const next = { ...state.view, ...changes };
  if (changes.unit && !CHOICES.sort[next.unit].includes(next.sort)) next.sort = DEFAULTS.sort;
  const url = urlOfView(next);
  if (url !== window.location.pathname + window.location.search || window.location.hash) {
    history[replace ? "replaceState" : "pushState"](null, "", url);
  }
  return render(next);
}

function setFilters(filters) {
  return navigate({ filters });
}

function openThing(kind, id) {
  return navigate({ open: `${kind}:${id}` });
}

function sameJson(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

// Draw the view: only the parts whose inputs changed are fetched again.
async function render(view) {
  const previous = state.view;
  state.view = view;
  writeControls();
  showStatus("");
  const filters = view.filters;
  const jobs = [];
  if (view.tab === "events") {
    const overview = JSON.stringify([filters, state.width]);
    const timeline = JSON.stringify([apiFilters("since", "until"), view.granularity, state.width]);
    if (state.loaded.overview !== overview || state.loaded.timeline !== timeline) {
      jobs.push(drawSummaryAndTimeline(state.loaded.timeline !== timeline));
      state.loaded.timeline = timeline;
      state.loaded.summary = JSON.stringify(filters);
    }
    if (state.loaded.overview !== overview) jobs.push(drawNetwork(), drawMap());
    state.loaded.overview = overview;
    const table = JSON.stringify([filters, view.unit, view.sort]);
    if (state.loaded.table !== table) jobs.push(loadTable(false));
    state.loaded.table = table;
  } else {
    const proposals = JSON.stringify([filters.since, filters.until, filters.actor, view.status]);
    if (state.loaded.proposals !== proposals) jobs.push(loadProposals());
    state.loaded.proposals = proposals;
    const summary = JSON.stringify(filters);
    if (state.loaded.summary !== summary) jobs.push(drawSummary());
    state.loaded.summary = summary;
  }
  if (!previous || previous.open !== view.open) jobs.push(showOpen(view.open));
  const results = await Promise.allSettled(jobs);
  const failure = results.find((result) => result.status === "rejected");
  if (failure) {
    showStatus(failure.reason.message);
    state.loaded = {}; // a refused request is asked again on the next change
  }
  document.body.dataset.ready = "true";
}

// -- controls ----------------------------------------------------------------------------------

function writeControls() {
  const view = state.view;
  const form = $("#filters");
  for (const name of FILTER_NAMES) {
    form.elements[name].value = view.filters[name] || "";
    form.elements[name].setCustomValidity("");
  }
  $("#all-dates").hidden = !(view.filters.since || view.filters.until);
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const selected = tab.dataset.tab === view.tab;
    tab.setAttribute("aria-selected", String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  $("#overview").hidden = view.tab !== "events";
  $("#proposals").hidden = view.tab !== "proposals";
  document.body.dataset.tab = view.tab;
  for (const input of document.querySelectorAll("input[name=unit]")) input.checked = input.value === view.unit;
  for (const input of document.querySelectorAll("input[name=granularity]")) input.checked = input.value === view.granularity;
  const sort = $("#sort");
  clear(sort);
  for (const value of CHOICES.sort[view.unit]) sort.append(el("option", { value }, SORT_LABELS[value]));
  sort.value = view.sort;
  $("#proposal-status").value = view.status;
  writeExportLinks();
}

function writeExportLinks() {
  const view = state.view;
  for (const link of document.querySelectorAll("a[data-format]")) {
    const params = { ...view.filters, unit: view.unit, sort: view.sort, format: link.dataset.format };
    link.setAttribute("href", withQuery("/api/export", params));
  }
  const proposals = { since: view.filters.since, until: view.filters.until, actor: view.filters.actor, status: view.status };
  $("#proposals-json").setAttribute("href", withQuery("/api/proposals", proposals));
}

// YYYY, YYYY-MM or YYYY-MM-DD that exists on the calendar; the message names the field.
function dateProblem(name, value) {
  if (!value) return "";
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return `${name}: "${value}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`;
  const [, year, month, day] = match.map(Number);
  if (match[2] && (month < 1 || month > 12)) return `${name}: ${value} has no month ${match[2]}`;
  if (match[3]) {
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    if (day < 1 || day > last) return `${name}: ${value} is not a day on the calendar`;
  }
  return "";
}

function datesProblem(filters) {
  for (const name of DATE_FILTERS) {
    const problem = dateProblem(name, filters[name]);
    if (problem) return [name, problem];
  }
  const { since, until } = filters;
  if (since && until && padDate(since, "start") > padDate(until, "end")) {
    return ["until", `until: ${until} is before since ${since}`];
  }
  return null;
}

function readFilterForm() {
  const form = $("#filters");
  const filters = {};
  for (const name of FILTER_NAMES) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

function submitFilters() {
  const filters = readFilterForm();
  const problem = datesProblem(filters);
  const form = $("#filters");
  for (const name of DATE_FILTERS) form.elements[name].setCustomValidity("");
  if (problem) {
    const [name, message] = problem;
    form.elements[name].setCustomValidity(message);
    showStatus(message);
    form.elements[name].setAttribute("aria-invalid", "true");
    form.elements[name].focus();
    return;
  }
  setFilters(filters);
}

// -- summary and timeline ----------------------------------------------------------------------

// One stats request when no dates are brushed; with dates, the timeline keeps every date (to
// show the brush over it) and the summary counts the selection.
async function drawSummaryAndTimeline(redrawTimeline) {
  const view = state.view;
  const dated = Boolean(view.filters.since || view.filters.until);
  const granularity = view.granularity;
  const [filtered, overall] = await Promise.all([
    api("/api/stats", { ...apiFilters(), granularity }),
    redrawTimeline && dated ? api("/api/stats", { ...apiFilters("since", "until"), granularity }) : null,
  ]);
  writeSummary(filtered);
  if (redrawTimeline) drawTimeline(overall || filtered);
  else drawBrush();
}

function writeSummary(stats) {
  const totals = stats.totals;
  const all = totals.clusters ?? totals.events;
  $("#summary").textContent =
    `${stats.clusters} real events (${stats.events} reports)${stats.clusters === all ? "" : ` of ${all}`} · ` +
    `${totals.articles} articles · ${totals.quotes} quotes · ${totals.actors} actors`;
}

async function drawSummary() {
  writeSummary(await api("/api/stats", { ...apiFilters(), granularity: state.view.granularity }));
}

function isoDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}

// A bucket's first and last day: a day, a week from its Monday, or a month (YYYY-MM).
function bucketSpan(bucket, granularity) {
  if (granularity === "month" || bucket.length === 7) {
    const [year, month] = bucket.split("-").map(Number);
    return { start: Date.UTC(year, month - 1, 1), end: Date.UTC(year, month, 0) };
  }
  const start = Date.parse(`${bucket}T00:00:00Z`);
  return { start, end: granularity === "week" ? start + 6 * DAY_MS : start };
}

function nextBucketStart(span, granularity) {
  if (granularity !== "month") return span.end + DAY_MS;
  const day = new Date(span.start);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 1);
}

// A silence longer than this breaks the axis, so a lone background event years back does not
// squash the weeks the news is about.
const GAP_DAYS = { day: 45, week: 120, month: 400 };
const GAP_UNITS = 2; // a break takes the width of two bins

function timelineSlots(rows, granularity) {
  const spans = rows
    .filter((row) => row.bucket)
    .map((row) => ({ ...bucketSpan(row.bucket, granularity), total: row.count, killed: row.killed_best || 0 }))
    .sort((a, b) => a.start - b.start);
  const slots = [];
  let first = true;
  spans.forEach((span, index) => {
    if (index) {
      const previous = spans[index - 1];
      if (span.start - previous.end > GAP_DAYS[granularity] * DAY_MS) {
        slots.push({ gap: true, from: previous.end, to: span.start });
        first = true;
      } else {
        // empty buckets between two dated ones keep the axis even
        for (let start = nextBucketStart(previous, granularity); start < span.start;) {
          const empty = { start, end: bucketSpan(isoDay(start).slice(0, granularity === "month" ? 7 : 10), granularity).end, total: 0 };
          slots.push(empty);
          start = nextBucketStart(empty, granularity);
        }
      }
    }
    slots.push({ ...span, first });
    first = false;
  });
  return slots;
}

function bucketLabel(bin, granularity) {
  if (granularity === "month") return isoDay(bin.start).slice(0, 7);
  if (granularity === "week") return `week of ${isoDay(bin.start)}`;
  return isoDay(bin.start);
}

function drawTimeline(stats) {
  const svg = $("#timeline-chart");
  const granularity = state.view.granularity;
  clear(svg);
  const width = Math.max(svg.clientWidth || 320, 280);
  const height = width < 500 ? 150 : 170;
  const margin = { left: 34, right: 8, top: 8, bottom: 22 };
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("aria-label", `Real events by ${granularity}`);
  state.timelineGeometry = { width, height, margin };
  const legend = $("#timeline-legend");
  clear(legend);
  const hidden = (stats.imprecise || 0) + (stats.undated || 0);
  $("#timeline-note").textContent = hidden
    ? `${hidden} real event(s) not on the timeline: ${stats.imprecise} dated too loosely for a ${granularity}, ${stats.undated} undated.`
    : "";
  const slots = timelineSlots(stats.timeline || [], granularity);
  const bins = slots.filter((slot) => !slot.gap);
  if (!bins.length) {
    state.timelineBins = [];
    svg.append(svgEl("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, `No events dated to the ${granularity} for these filters.`));
    return;
  }
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = height - margin.top - margin.bottom;
  const units = slots.reduce((sum, slot) => sum + (slot.gap ? GAP_UNITS : 1), 0);
  const step = plotWidth / units;
  const barWidth = Math.min(48, Math.max(1, step - Math.min(2, step * 0.2)));
  let x = margin.left;
  for (const slot of slots) {
    slot.x = x;
    slot.step = slot.gap ? step * GAP_UNITS : step;
    x += slot.step;
  }
  state.timelineBins = bins;
  const max = Math.max(1, ...bins.map((bin) => bin.total));
  const baseline = height - margin.bottom;
  svg.append(svgEl("rect", { x: 0, y: 0, width, height, fill: "transparent" }));
  svg.append(svgEl("line", { class: "axis", x1: margin.left, x2: width - margin.right, y1: baseline, y2: baseline }));
  svg.append(svgEl("text", { x: margin.left - 4, y: margin.top + 9, "text-anchor": "end" }, String(max)));
  svg.append(svgEl("text", { x: margin.left - 4, y: baseline, "text-anchor": "end" }, "0"));
  bins.forEach((bin, index) => {
    const group = svgEl("g", { class: "bar", "data-bin": index, "data-start": isoDay(bin.start), "data-end": isoDay(bin.end) });
    // A full-height hit area: thin or short bars stay easy to click.
    group.append(svgEl("rect", { x: bin.x, y: margin.top, width: bin.step, height: plotHeight, fill: "transparent" }));
    const barHeight = (bin.total / max) * plotHeight;
    group.append(svgEl("rect", { class: "fill", x: bin.x + (step - barWidth) / 2, y: baseline - barHeight, width: barWidth, height: barHeight },
      svgEl("title", {}, `${bucketLabel(bin, granularity)}: ${bin.total} real event(s)${bin.killed ? `, ${bin.killed} killed (best figures)` : ""}`)));
    svg.append(group);
  });
  for (const gap of slots.filter((slot) => slot.gap)) {
    const middle = gap.x + gap.step / 2;
    svg.append(svgEl("path", { class: "axis", d: `M${middle - 3} ${baseline + 4}l3 -8M${middle + 1} ${baseline + 4}l3 -8` },
      svgEl("title", {}, `no events dated between ${isoDay(gap.from)} and ${isoDay(gap.to)}`)));
  }
  drawTimelineTicks(svg, bins, granularity);
  for (const type of Object.keys(TYPE_COLORS).filter((name) => stats.by_type[name])) {
    const chip = el("span", { class: "chip", "aria-hidden": "true" });
    chip.style.background = typeColor(type);
    legend.append(el("li", {}, chip, `${type} ${stats.by_type[type]}`));
  }
  drawBrush();
}

function drawTimelineTicks(svg, bins, granularity) {
  // Each stretch's first bucket is labelled first, then other bins wherever a label fits.
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
    const text = granularity === "month" ? day.slice(0, 7) : day.slice(0, 4) === year ? day.slice(5) : day;
    year = day.slice(0, 4);
    svg.append(svgEl("text", { x, y: height - margin.bottom + 14, "text-anchor": "middle" }, text));
  }
}

function drawBrush() {
  const svg = $("#timeline-chart");
  svg.querySelector(".brush")?.remove();
  const { since, until } = state.view.filters;
  const bins = state.timelineBins;
  if (!bins.length || !(since || until) || datesProblem({ since, until })) return;
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

function brushDates(first, last) {
  setFilters({ ...state.view.filters, since: isoDay(first.start), until: isoDay(last.end) });
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
    if (first && last) brushDates(first, last);
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

// A centred label's box (about 6.2px per character at 11px, 12px high above its baseline).
function labelBox(x, y, text) {
  const half = (text.length * 6.2) / 2;
  return { x, y, left: x - half, right: x + half, top: y - 11, bottom: y + 2 };
}

function boxesOverlap(a, b) {
  return a.left < b.right + 3 && b.left < a.right + 3 && a.top < b.bottom && b.top < a.bottom;
}

async function drawNetwork() {
  const svg = $("#network-chart");
  const width = Math.max(svg.clientWidth || 320, 280);
  const height = Math.round(Math.min(460, Math.max(300, width * 0.75)));
  const maxNodes = width < 500 ? 25 : 45;
  const data = await api("/api/network", { ...apiFilters(), max_nodes: maxNodes });
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
  const placedLabels = [];
  const labels = svgEl("g", { class: "node-labels", "aria-hidden": "true" }); // above every circle
  const maxEvents = Math.max(1, ...data.nodes.map((node) => node.events));
  data.nodes.forEach((node, position) => {
    const { x, y } = positions[position];
    // capped, scaled to the busiest actor, so a few busy actors do not cover the rest
    const radius = 4 + 12 * Math.sqrt(node.events / maxEvents);
    const above = y - radius - 3;
    const label = labelBox(labelX(x, node.name, width), above < 12 ? y + radius + 12 : above, node.name);
    const labelFits = placedLabels.every((other) => !boxesOverlap(label, other));
    if (labelFits) {
      placedLabels.push(label);
      labels.append(svgEl("text", { x: label.x, y: label.y, "text-anchor": "middle" }, node.name));
    }
    const group = svgEl("g", { class: "node", tabindex: 0, role: "button", "data-actor": node.id, "aria-label": `${node.name}: ${node.events} events` },
      svgEl("circle", { cx: x, cy: y, r: radius, fill: node.sector === "GOV" ? "#1f5fa8" : node.sector === "MIL" ? "#7a4b1f" : node.sector === "REB" ? "#a8324a" : "#5b6570" }),
      svgEl("title", {}, `${node.name}${node.country ? ` (${node.country})` : ""}: ${node.events} events`));
    activate(group, () => openThing("actor", node.id));
    svg.append(group);
  });
  svg.append(labels);
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
  const [world, data] = await Promise.all([loadWorld(), api("/api/map", apiFilters())]);
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
  const most = Math.max(1, ...data.points.map(pointCount));
  for (const point of sorted) {
    const casualties = best(point.killed) + best(point.injured);
    // area by real events, scaled to the busiest place and capped, so one city does not cover
    // its neighbours; casualties are in the title and the place panel
    const radius = 3 + 13 * Math.sqrt(pointCount(point) / most);
    const conflict = Object.entries(point.types).reduce((sum, [type, count]) => sum + (isConflict(type) ? count : -count), 0) > 0;
    const marker = svgEl("circle", {
      class: `marker ${conflict ? "conflict" : "cooperation"}${point.precision === "country" ? " country-level" : ""}`,
      cx: frame.x(point.lon), cy: frame.y(point.lat), r: radius,
      tabindex: 0, role: "button", "data-place": point.name, "aria-label": `${point.name}: ${pointCount(point)} real event(s)`,
    }, svgEl("title", {}, `${point.name}${point.precision === "country" ? " (country, no town given)" : ""}: ${pointCount(point)} real event(s), ${point.events} report(s)` +
      `${casualties ? `, ${figureRange(point.killed)} killed, ${figureRange(point.injured)} injured` : ""}`));
    activate(marker, () => openThing("place", point.key || placeKey(point)));
    svg.append(marker);
  }
  // the busiest places named first, each only where it collides with no other name
  const placed = [];
  for (const point of sorted.slice(0, 12)) {
    const x = frame.x(point.lon) + 6;
    const y = frame.y(point.lat) - 6;
    const box = { left: x, right: x + point.name.length * 6.2, top: y - 11, bottom: y + 2 };
    if (box.right > width || box.top < 0 || placed.some((other) => boxesOverlap(box, other))) continue;
    placed.push(box);
    svg.append(svgEl("text", { class: "marker-label", x, y }, point.name));
  }
  $("#map-legend").textContent = data.points.length
    ? `Circle area: real events (largest ${most}). Solid: a town or city; dashed, pale: a whole country, no town given.`
    : "";
}

// -- the table: canonical events (default) or reports ------------------------------------------

const COLUMNS = {
  clusters: ["", "Date", "Type", "Actors", "Place", "Figures", "What happened"],
  events: ["Date", "Type", "Modality", "Source", "Target", "Place", "Outlet", "Sentence"],
};

function dateCell(date) {
  return el("td", { "data-label": "Date", class: date && date.start ? "date" : "date undated", "data-date": date ? date.start || "" : "" }, dateText(date));
}

function clusterRow(cluster) {
  const toggle = el("span", { class: "toggle", "aria-hidden": "true" }, "▸");
  const row = el("tr", {
    tabindex: 0, class: "row cluster", "data-cluster": cluster.id, "aria-expanded": "false",
    "aria-label": `${cluster.type}, ${dateText(cluster.date)}, ${cluster.figures}: show its reports`,
  },
  el("td", { class: "toggle-cell" }, toggle),
  dateCell(cluster.date),
  el("td", { "data-label": "Type" }, typeChip(cluster.type, cluster.mode)),
  el("td", { "data-label": "Actors" }, actorLink(cluster.source) || "-", cluster.target ? [" → ", actorLink(cluster.target)] : null),
  el("td", { "data-label": "Place" }, placeLink(cluster.place)),
  el("td", { "data-label": "Figures", class: "figures" }, cluster.figures),
  el("td", { class: "sentence" }, cluster.summary));
  activate(row, () => toggleReports(row, cluster).catch(failed));
  return row;
}

async function toggleReports(row, cluster) {
  const open = row.getAttribute("aria-expanded") === "true";
  if (open) {
    row.nextElementSibling?.classList.contains("reports") && row.nextElementSibling.remove();
    row.setAttribute("aria-expanded", "false");
    return;
  }
  const detail = await api(`/api/clusters/${encodeURIComponent(cluster.id)}`);
  const details = linkButton("Canonical event: claims by source, why merged", () => openThing("cluster", cluster.id), { class: "link small-link" });
  const cell = el("td", { colspan: COLUMNS.clusters.length },
    el("ul", { class: "list report-list" }, detail.members.map(reportItem)),
    details);
  row.after(el("tr", { class: "reports", "data-reports-of": cluster.id }, cell));
  row.setAttribute("aria-expanded", "true");
}

function countsText(counts) {
  return Object.entries(counts || {}).filter(([, value]) => value !== null && value !== undefined)
    .map(([kind, value]) => `${kind} ${typeof value === "object" ? figureRange(value) : value}`).join(", ");
}

// One report of a canonical event: outlet, link, date, evidence sentence, its own figures.
function reportItem(member) {
  const evidence = linkButton("evidence", () => openThing("event", member.event_id), { "data-event": member.event_id });
  return el("li", { class: "report", "data-event": member.event_id },
    el("div", { class: "report-head" },
      el("strong", { class: "outlet" }, member.outlet || "unknown outlet"),
      ` · ${dateText(member.date)}`,
      member.published ? ` · published ${member.published}` : null,
      countsText(member.counts) ? ` · ${countsText(member.counts)}` : null,
      " · ", sourceLink(member.url) || "no link", " · ", evidence),
    el("p", { class: "report-sentence" }, member.sentence));
}

function eventRow(event) {
  const row = el("tr", { tabindex: 0, class: "row event", "data-event": event.id, "aria-label": `${event.type}, ${dateText(event.date)}: open the evidence` },
    dateCell(event.date),
    el("td", { "data-label": "Type" }, typeChip(event.type, event.mode)),
    el("td", { "data-label": "Modality" }, event.modality),
    el("td", { "data-label": "Source" }, actorLinks(event.sources)),
    el("td", { "data-label": "Target" }, actorLinks(event.targets)),
    el("td", { "data-label": "Place" }, placeLink(event.place)),
    el("td", { "data-label": "Outlet" }, event.outlet || "", event.url ? [" ", sourceLink(event.url, "↗")] : null),
    el("td", { class: "sentence" }, event.evidence.sentence));
  activate(row, () => openThing("event", event.id));
  return row;
}

function tableHead(unit) {
  const head = $("#event-table thead");
  clear(head);
  head.append(el("tr", {}, COLUMNS[unit].map((name) => el("th", { scope: "col" }, name || el("span", { class: "visually-hidden" }, "Reports")))));
  $("#events-title").textContent = unit === "clusters" ? "Real events" : "Reports";
}

async function loadTable(more) {
  const view = state.view;
  const body = $("#event-table tbody");
  const path = view.unit === "clusters" ? "/api/clusters" : "/api/events";
  const params = { ...apiFilters(), sort: view.sort, limit: TABLE_PAGE };
  if (more) params.cursor = state.nextCursor;
  const token = (state.tableToken = (state.tableToken || 0) + 1);
  const data = await api(path, params);
  if (token !== state.tableToken) return; // a newer view asked since: its rows win
  if (!more) {
    clear(body);
    tableHead(view.unit);
  }
  for (const item of data.items) body.append(view.unit === "clusters" ? clusterRow(item) : eventRow(item));
  state.nextCursor = data.next_cursor;
  $("#more").hidden = !data.next_cursor;
  const shown = body.querySelectorAll("tr.row").length;
  const total = data.total !== undefined ? ` of ${data.total}` : "";
  $("#table-note").textContent = shown
    ? `${shown}${total} ${view.unit === "clusters" ? "real events" : "reports"} shown${data.next_cursor ? ", more below" : ""}. Undated ones come last.`
    : "Nothing matches these filters.";
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

function panelOf(...children) {
  return children;
}

function closePanel() {
  $("#detail").hidden = true;
  delete $("#detail").dataset.event;
}

// The panel the URL names ("event:ID", "cluster:ID", "actor:ID", "place:KEY", "article:ID").
async function showOpen(open) {
  if (!open) {
    closePanel();
    return;
  }
  const split = open.indexOf(":");
  const kind = open.slice(0, split);
  const id = open.slice(split + 1);
  const shows = { event: showEvent, cluster: showCluster, actor: showActor, place: showPlace, article: showArticle };
  if (!shows[kind]) throw new Error(`open: nothing to open as "${kind}"`);
  const children = await shows[kind](id);
  if (state.view.open !== open) return; // the URL moved on while this loaded
  openPanel(...children);
  if (kind === "event") $("#detail").dataset.event = id;
  $("#close-detail").focus({ preventScroll: true });
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
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) continue;
    list.append(el("dt", {}, label), el("dd", {}, value));
  }
  return list;
}

function eventFields(event) {
  const date = event.date;
  const place = event.place;
  return [
    ["sources", event.sources?.length ? actorLinks(event.sources) : "-"],
    ["targets", event.targets?.length ? actorLinks(event.targets) : "-"],
    ["date", date ? `${dateText(date)} (${date.precision || "unresolved"}${date.text && date.text !== dateText(date) ? `; "${date.text}"` : ""})` : "undated"],
    ["place", place ? [placeLink(place), `${place.country ? `, ${place.country}` : ""}${place.lat != null ? ` (${place.lat.toFixed(3)}, ${place.lon.toFixed(3)})` : ""} [${place.precision || "?"}]`] : null],
    ["counts", countsText(event.counts)],
    ["contexts", (event.contexts || []).join(", ")],
    ["according to", event.attributed_to],
    ["trigger", event.trigger],
    ["why", `${event.evidence.why} (confidence ${event.evidence.confidence.toFixed(2)})`],
    ["real event", event.cluster_id ? linkButton(event.cluster_id, () => openThing("cluster", event.cluster_id)) : null],
    ["id", event.id],
  ];
}

function articleBlock(article) {
  const textButton = el("button", { type: "button", class: "small", "data-article": article.id }, "Show article text");
  textButton.addEventListener("click", () => openThing("article", article.id));
  return el("section", { class: "article" },
    el("h3", {}, "Article"),
    el("p", {}, el("strong", { class: "article-title" }, article.title || article.id)),
    fieldList([["outlet", article.outlet], ["published", article.published], ["language", article.language]]),
    el("p", {},
      sourceLink(article.url, "Open the source ↗") || (article.url ? `URL (not a web link): ${article.url}` : "No URL"),
      " ", textButton));
}

async function showEvent(eventId) {
  const event = await api(`/api/events/${encodeURIComponent(eventId)}`);
  const legend = el("ul", { class: "spans" }, Object.keys(SPAN_LABELS).map((kind) => el("li", {}, el("mark", { class: kind }, SPAN_LABELS[kind]))));
  return panelOf(
    el("h2", { class: "event-title" }, typeChip(event.type, event.mode), " ", el("span", { class: "badge" }, event.modality)),
    el("h3", {}, "Evidence"),
    highlightedSentence(event.evidence.sentence, event.highlights),
    legend,
    fieldList(eventFields(event)),
    articleBlock(event.article));
}

async function showCluster(clusterId) {
  const cluster = await api(`/api/clusters/${encodeURIComponent(clusterId)}`);
  const claims = Object.entries(cluster.claims || {}).map(([kind, claim]) => el("li", {},
    el("strong", {}, `${kind}: ${figureRange(claim)}`), ` (${claim.how || "best figure"}) `,
    (claim.claims || []).map((one) => `${one.qualifier ? `${one.qualifier} ` : ""}${one.value} (${one.outlet || "?"})`).join("; ")));
  return panelOf(
    el("h2", { class: "cluster-title" }, typeChip(cluster.type, cluster.mode), " ", el("span", { class: "badge" }, cluster.modality)),
    el("p", { class: "figures-line" }, cluster.figures),
    fieldList([
      ["date", dateText(cluster.date)],
      ["place", placeLink(cluster.place)],
      ["source", actorLink(cluster.source)],
      ["target", actorLink(cluster.target)],
      ["outlets", (cluster.outlet_names || []).join(", ")],
      ["reported", cluster.first_report === cluster.last_report ? cluster.first_report : `${cluster.first_report} to ${cluster.last_report}`],
      ["id", cluster.id],
    ]),
    claims.length ? [el("h3", {}, "Figures by source"), el("ul", { class: "list claims" }, claims)] : null,
    el("h3", {}, `Reports (${cluster.members.length})`),
    el("ul", { class: "list report-list" }, cluster.members.map(reportItem)),
    cluster.why.length ? [el("h3", {}, "Why these reports were merged"), el("ul", { class: "list why" }, cluster.why.map((line) => el("li", {}, line)))] : null);
}

async function showArticle(articleId) {
  const article = await api(`/api/articles/${encodeURIComponent(articleId)}`);
  return panelOf(
    el("h2", { class: "article-title" }, article.title || article.id),
    fieldList([["outlet", article.outlet], ["published", article.published], ["url", sourceLink(article.url, article.url) || article.url], ["id", article.id]]),
    el("h3", {}, `Events (${article.events.length})`),
    el("ul", { class: "list" }, article.events.map(eventItem)),
    el("h3", {}, "Text"),
    el("div", { class: "article-text" }, article.text));
}

function eventItem(event) {
  const button = linkButton(event.mode ? `${event.type}/${event.mode}` : event.type, () => openThing("event", event.id), { "data-event": event.id });
  return el("li", {}, button, ` ${dateText(event.date)} · ${event.modality}${event.outlet ? ` · ${event.outlet}` : ""} · `, event.evidence.sentence);
}

function clusterItem(cluster) {
  const button = linkButton(cluster.mode ? `${cluster.type}/${cluster.mode}` : cluster.type, () => openThing("cluster", cluster.id), { "data-cluster": cluster.id });
  return el("li", {}, button, ` ${dateText(cluster.date)} · ${cluster.figures} · `, cluster.summary);
}

function quoteItem(quote) {
  return el("li", {}, el("span", { class: "quote" }, `“${quote.text}”`), ` (${quote.kind}${quote.cue ? `, ${quote.cue}` : ""}) `,
    linkButton("article", () => openThing("article", quote.article_id)));
}

// A list that pages on with the API's cursor ("Load more" below it).
async function pagedList(path, params, itemFor, className, emptyText) {
  const list = el("ul", { class: `list ${className}` });
  const note = el("p", { class: "note" });
  const more = el("button", { type: "button", class: "small more" }, "Load more");
  let cursor = null;
  const load = async () => {
    const data = await api(path, { ...params, limit: PANEL_PAGE, cursor });
    for (const item of data.items) list.append(itemFor(item));
    cursor = data.next_cursor;
    more.hidden = !cursor;
    note.textContent = list.children.length ? `${list.children.length} shown${cursor ? ", more to load" : ""}.` : emptyText;
  };
  more.addEventListener("click", () => load().catch(failed));
  await load();
  return el("div", { class: "paged" }, list, note, more);
}

async function showActor(actorId) {
  const path = `/api/actors/${encodeURIComponent(actorId)}`;
  const [actor, events, quotes] = await Promise.all([
    api(path),
    pagedList(`${path}/events`, { sort: "-date" }, eventItem, "actor-events", "No events."),
    pagedList(`${path}/quotes`, {}, quoteItem, "actor-quotes", "No quotes from this actor."),
  ]);
  const exact = el("button", { type: "button", class: "small" }, "Filter all views by this actor");
  exact.addEventListener("click", () => setFilters({ ...filtersWithoutActor(), actor_id: actor.id }));
  const counts = actor.counts || {};
  return panelOf(
    el("h2", { class: "actor-title" }, actor.name),
    fieldList([["id", actor.id], ["kind", actor.kind], ["country", actor.country], ["sector", actor.sector], ["role", actor.role],
      ["aliases", (actor.aliases || []).join(", ")],
      ["counts", `${counts.clusters ?? "?"} real events, ${counts.events ?? "?"} reports, ${counts.quotes ?? 0} quotes, ${counts.articles ?? 0} articles`]]),
    el("p", {}, exact),
    el("h3", {}, "Events, newest first"), events,
    el("h3", {}, "Quotes"), quotes);
}

function filtersWithoutActor() {
  const kept = { ...state.view.filters };
  delete kept.actor;
  return kept;
}

async function showPlace(key) {
  const path = `/api/places/${encodeURIComponent(key)}`;
  const filters = apiFilters("place");
  const [place, clusters] = await Promise.all([
    api(path, filters),
    pagedList(`${path}/clusters`, { ...filters, sort: "-date" }, clusterItem, "place-clusters", "No events."),
  ]);
  const filter = el("button", { type: "button", class: "small" }, "Filter all views by this place");
  filter.addEventListener("click", () => setFilters({ ...state.view.filters, place: place.key }));
  const counts = place.counts || {};
  return panelOf(
    el("h2", { class: "place-title" }, place.name),
    fieldList([["country", place.country], ["coordinates", `${place.lat.toFixed(3)}, ${place.lon.toFixed(3)}`], ["precision", place.precision],
      ["real events", String(place.clusters)], ["reports", String(place.events)],
      ...Object.entries(counts).map(([kind, figure]) => [kind, figureRange(figure)]),
      ["types", Object.entries(place.types || {}).map(([type, count]) => `${type} ${count}`).join(", ")]]),
    el("p", {}, filter),
    el("h3", {}, "Real events, newest first"), clusters);
}

// -- proposals ---------------------------------------------------------------------------------

async function loadProposals() {
  const view = state.view;
  const filters = view.filters;
  const token = (state.proposalsToken = (state.proposalsToken || 0) + 1);
  const data = await api("/api/proposals", { since: filters.since, until: filters.until, actor: filters.actor, status: view.status });
  if (token !== state.proposalsToken) return;
  const list = $("#proposal-list");
  clear(list);
  for (const proposal of data.items) list.append(proposalCard(proposal));
  $("#proposals-note").textContent = data.items.length ? `${data.items.length} proposal(s) and agreement(s).` : "No proposals for these filters.";
}

function proposalCard(proposal) {
  const terms = Object.entries(proposal.terms || {}).map(([name, value]) => `${name} ${value}`).join(", ");
  return el("li", { class: "proposal", "data-proposal": proposal.id },
    el("div", { class: "proposal-head" },
      el("h3", {}, proposal.title || proposal.subject),
      el("span", { class: `badge status ${proposal.status.split(" ")[0]}` }, proposal.status)),
    fieldList([["subject", proposal.subject], ["parties", proposal.participants.join(", ")], ["proposed by", proposal.proposer.join(", ")], ["terms", terms]]),
    el("ol", { class: "steps", "aria-label": "Status history" }, proposal.steps.map(stepItem)));
}

function stepItem(step) {
  const evidence = step.evidence;
  const others = step.reports.length - 1;
  return el("li", { class: `step ${step.status}` },
    el("div", { class: "step-head" },
      el("strong", { class: "step-status" }, step.label || step.status),
      ` · ${dateText(step.date)}${step.date_inferred ? " (date inferred from the report)" : ""}`),
    evidence ? el("p", { class: "step-sentence" }, evidence.sentence) : null,
    evidence ? el("p", { class: "step-source" },
      el("span", { class: "outlet" }, evidence.outlet || "unknown outlet"),
      evidence.published ? `, ${evidence.published}` : "", " · ", sourceLink(evidence.url) || "no link", " · ",
      linkButton("evidence", () => openThing("event", evidence.event_id), { "data-event": evidence.event_id }),
      others > 0 ? ` · and ${others} other report(s): ${[...new Set(step.reports.slice(1).map((report) => report.outlet))].join(", ")}` : "") : null);
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

function debounce(action, wait) {
  let timer = null;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, wait);
  };
}

function setupTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const tab of tabs) {
    tab.addEventListener("click", () => navigate({ tab: tab.dataset.tab }));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      const next = tabs[(tabs.indexOf(tab) + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      navigate({ tab: next.dataset.tab });
    });
  }
}

function setupDatePickers() {
  for (const picker of document.querySelectorAll("input.picker")) {
    const field = $("#filters").elements[picker.dataset.for];
    picker.addEventListener("change", () => {
      if (picker.value) field.value = picker.value;
    });
    const button = picker.nextElementSibling;
    button.addEventListener("click", () => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(field.value)) picker.value = field.value;
      if (picker.showPicker) picker.showPicker();
      else picker.focus();
    });
  }
}

function setupControls() {
  const form = $("#filters");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submitFilters();
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    setFilters({});
  });
  for (const name of DATE_FILTERS) {
    form.elements[name].addEventListener("input", () => form.elements[name].setCustomValidity(""));
  }
  $("#all-dates").addEventListener("click", () => {
    const kept = { ...state.view.filters };
    delete kept.since;
    delete kept.until;
    setFilters(kept);
  });
  $("#sort").addEventListener("change", (event) => navigate({ sort: event.target.value }));
  for (const input of document.querySelectorAll("input[name=unit]")) input.addEventListener("change", () => navigate({ unit: input.value }));
  for (const input of document.querySelectorAll("input[name=granularity]")) input.addEventListener("change", () => navigate({ granularity: input.value }));
  $("#proposal-status").addEventListener("change", (event) => navigate({ status: event.target.value }));
  $("#more").addEventListener("click", () => loadTable(true).catch(failed));
  $("#close-detail").addEventListener("click", () => navigate({ open: "" }));
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !$("#detail").hidden) navigate({ open: "" });
  });
  window.addEventListener("popstate", () => render(viewFromUrl()));
  setupTabs();
  setupDatePickers();
  setupBrushing();
}

async function start() {
  setupControls();
  state.width = window.innerWidth;
  window.addEventListener("resize", debounce(() => {
    if (window.innerWidth === state.width) return;
    state.width = window.innerWidth; // charts are drawn for a width: draw them again
    render(state.view);
  }, 250));
  try {
    await loadTypes();
  } catch (error) {
    failed(error);
  }
  const view = viewFromUrl();
  if (window.location.hash) history.replaceState(null, "", urlOfView(view));
  await render(view);
}

start();
