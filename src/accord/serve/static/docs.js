// The offline API docs: one card per endpoint, built from /openapi.json with textContent only.

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function parameterRows(parameters) {
  return parameters.map((parameter) => {
    const schema = parameter.schema || {};
    const kinds = (schema.anyOf || [schema]).map((option) => option.type || (option.enum ? option.enum.join(" | ") : "")).filter(Boolean);
    const allowed = schema.enum ? ` (${schema.enum.join(", ")})` : "";
    return el("tr", {},
      el("td", {}, el("code", {}, parameter.name)),
      el("td", {}, parameter.in),
      el("td", {}, kinds.join(" or ") + allowed),
      el("td", {}, parameter.description || schema.description || ""));
  });
}

function endpointCard(path, method, operation) {
  const parameters = operation.parameters || [];
  const responses = Object.entries(operation.responses || {}).map(([code, response]) => `${code} ${response.description || ""}`.trim());
  return el("section", { class: "view wide endpoint" },
    el("div", { class: "view-head" },
      el("h2", {}, el("code", {}, `${method.toUpperCase()} ${path}`)),
      el("p", { class: "hint" }, operation.summary || "")),
    operation.description ? el("p", {}, operation.description) : null,
    parameters.length
      ? el("table", { class: "events" },
          el("thead", {}, el("tr", {}, el("th", {}, "Parameter"), el("th", {}, "In"), el("th", {}, "Type"), el("th", {}, "Description"))),
          el("tbody", {}, parameterRows(parameters)))
      : null,
    operation.requestBody ? el("p", { class: "note" }, "Takes a JSON body: see the schema in /openapi.json.") : null,
    el("p", { class: "note" }, `Responses: ${responses.join("; ")}`));
}

async function start() {
  const main = document.getElementById("endpoints");
  const response = await fetch("/openapi.json");
  const spec = await response.json();
  for (const [path, operations] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(operations)) main.append(endpointCard(path, method, operation));
  }
  document.body.dataset.ready = "true";
}

start();
