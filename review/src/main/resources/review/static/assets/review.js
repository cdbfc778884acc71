// The review page: one item at a time, labelled by click or keyboard. Every text from the server is put into the
// page with textContent, never as HTML, so a text holding markup stays inert.
(function () {
  "use strict";

  const state = { csrf: null, item: null, labels: [], undoSeconds: 5, lastChoiceAt: 0, busy: false };
  const $ = (id) => document.getElementById(id);

  function say(text) {
    $("message").textContent = text || "";
  }

  async function api(method, path, body) {
    const options = { method: method, headers: {}, credentials: "same-origin" };
    if (method === "POST") {
      options.headers["Content-Type"] = "application/json";
      options.headers["X-CSRF-Token"] = state.csrf;
      options.body = JSON.stringify(body || {});
    }
    const response = await fetch(path, options);
    if (response.status === 401) {
      window.location.href = "/login.html";
      throw new Error("logged out");
    }
    const text = response.status === 204 ? "" : await response.text();
    const data = text ? JSON.parse(text) : null;
    return { status: response.status, data: data };
  }

  function filterQuery() {
    const params = new URLSearchParams();
    const label = $("filter-label").value;
    const version = $("filter-version").value.trim();
    const text = $("filter-text").value.trim();
    if (label) params.set("label", label);
    if (version) params.set("version", version);
    if (text) params.set("q", text);
    return params.toString();
  }

  function filtersValid() {
    const version = $("filter-version").value.trim();
    if (version && !/^[0-9]{1,18}$/.test(version)) {
      say("A model version is a whole number, or empty for any.");
      return false;
    }
    return true;
  }

  async function next() {
    if (!filtersValid()) return;
    const answer = await api("GET", "/api/next?" + filterQuery());
    if (answer.status === 503) {
      say("Reading the state from Kafka...");
      setTimeout(next, 1000);
      return;
    }
    if (answer.status === 204) {
      show(null);
      return;
    }
    if (answer.status !== 200) {
      say(answer.data ? answer.data.error : "error " + answer.status);
      return;
    }
    show(answer.data);
  }

  function show(item) {
    state.item = item;
    $("item").hidden = !item;
    $("empty").hidden = !!item;
    if (!item) return;
    $("event-id").textContent = item.eventId;
    $("model-version").textContent = "v" + item.modelVersion +
      (item.servingVersion && item.servingVersion !== item.modelVersion ? " (v" + item.servingVersion + " serves now)" : "");
    $("event-time").textContent = new Date(item.eventTime).toLocaleString();
    $("lane").textContent = item.lane;
    $("text").textContent = item.text;
    $("predicted").textContent = item.predicted;
    const labels = item.scores.map((s) => s.label).sort();
    rememberLabels(labels);
    const byLabel = {};
    item.scores.forEach((s) => { byLabel[s.label] = s.p; });
    const list = $("scores");
    list.replaceChildren();
    labels.forEach((label, i) => list.appendChild(scoreRow(label, byLabel[label], i, label === item.predicted)));
  }

  function scoreRow(label, p, index, predicted) {
    const row = document.createElement("li");
    if (predicted) row.className = "predicted";
    const button = document.createElement("button");
    button.type = "button";
    button.dataset.label = label;
    const key = document.createElement("span");
    key.textContent = index < 9 ? String(index + 1) : "";
    const name = document.createElement("span");
    name.textContent = label;
    const track = document.createElement("span");
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.display = "block";
    bar.style.width = (100 * p).toFixed(1) + "%";
    track.appendChild(bar);
    const value = document.createElement("span");
    value.textContent = (100 * p).toFixed(1) + "%";
    button.append(key, name, track, value);
    button.addEventListener("click", () => choose(label));
    row.appendChild(button);
    return row;
  }

  function rememberLabels(labels) {
    if (labels.join("\n") === state.labels.join("\n")) return;
    state.labels = labels;
    const select = $("filter-label");
    const chosen = select.value;
    select.replaceChildren();
    const any = document.createElement("option");
    any.value = "";
    any.textContent = "any";
    select.appendChild(any);
    labels.forEach((label) => {
      const option = document.createElement("option");
      option.value = label;
      option.textContent = label;
      select.appendChild(option);
    });
    select.value = chosen;
  }

  async function act(work) {
    if (state.busy) return;
    state.busy = true;
    try {
      await work();
    } catch (e) {
      say(e.message);
    } finally {
      state.busy = false;
    }
  }

  function choose(label) {
    if (!state.item) return;
    act(async () => {
      const answer = await api("POST", "/api/decide", { eventId: state.item.eventId, label: label });
      if (answer.status !== 200) {
        say(answer.data ? answer.data.error : "error " + answer.status);
        return;
      }
      state.lastChoiceAt = Date.now();
      say(answer.data.kind.toLowerCase() + " of " + answer.data.eventId + ": " + label +
        " (U undoes it for " + state.undoSeconds + " s)");
      await next();
    });
  }

  function skip() {
    if (!state.item) return;
    act(async () => {
      const answer = await api("POST", "/api/skip", { eventId: state.item.eventId });
      if (answer.status !== 200) {
        say(answer.data ? answer.data.error : "error " + answer.status);
        return;
      }
      say("Skipped.");
      await next();
    });
  }

  function undo() {
    act(async () => {
      const answer = await api("POST", "/api/undo", {});
      if (answer.status !== 200) {
        say(answer.data ? answer.data.error : "error " + answer.status);
        return;
      }
      say("Undone: " + answer.data.eventId + " is back.");
      await next();
    });
  }

  function onKey(event) {
    const target = event.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "SELECT" || target.tagName === "TEXTAREA")) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (/^[1-9]$/.test(event.key)) {
      const label = state.labels[Number(event.key) - 1];
      if (label) choose(label);
    } else if (event.key === "Enter") {
      if (state.item) choose(state.item.predicted);
    } else if (event.key === "s" || event.key === "S") {
      skip();
    } else if (event.key === "u" || event.key === "U") {
      undo();
    } else {
      return;
    }
    event.preventDefault();
  }

  async function accuracy() {
    const answer = await api("GET", "/api/accuracy");
    if (answer.status !== 200) return;
    const body = $("accuracy").querySelector("tbody");
    body.replaceChildren();
    answer.data.versions.forEach((v) => {
      const row = document.createElement("tr");
      [
        "v" + v.version,
        String(v.audited),
        v.accuracy.toFixed(3) + " [" + v.interval.low.toFixed(3) + ", " + v.interval.high.toFixed(3) + "]",
        v.macroF1.toFixed(3),
      ].forEach((text) => {
        const cell = document.createElement("td");
        cell.textContent = text;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    const agreement = answer.data.agreement;
    $("agreement").textContent = agreement.items > 0
      ? "Agreement on " + agreement.items + " items labelled twice: kappa " + agreement.kappa.toFixed(3)
      : "";
    const list = $("disagreements");
    list.replaceChildren();
    const disagreements = answer.data.disagreements || [];
    if (disagreements.length > 0) {
      const heading = document.createElement("h3");
      heading.textContent = "Disagreements to resolve (" + disagreements.length + ")";
      list.appendChild(heading);
    }
    disagreements.slice(0, 20).forEach((d) => {
      const line = document.createElement("p");
      line.className = "disagreement";
      line.dataset.eventId = d.eventId;
      line.textContent = d.eventId + " (v" + d.version + ", predicted " + d.predicted + "): " +
        d.annotators.map((a, i) => a + " said " + d.labels[i]).join(", ") + ". Resolve as: ";
      Array.from(new Set(d.labels.concat([d.predicted]))).sort().forEach((label) => {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "resolve";
        button.dataset.label = label;
        button.textContent = label;
        button.addEventListener("click", () => resolve(d.eventId, label));
        line.appendChild(button);
      });
      list.appendChild(line);
    });
  }

  function resolve(eventId, label) {
    act(async () => {
      const answer = await api("POST", "/api/resolve", { eventId: eventId, label: label });
      if (answer.status !== 200) {
        say(answer.data ? answer.data.error : "error " + answer.status);
        return;
      }
      say("Resolved " + answer.data.eventId + ": " + answer.data.label + " counts.");
      await accuracy();
    });
  }

  async function start() {
    const me = await api("GET", "/api/me");
    state.csrf = me.data.csrf;
    state.undoSeconds = me.data.undoSeconds;
    $("who").textContent = me.data.user + " (" + me.data.role + ")";
    $("confirm").addEventListener("click", () => state.item && choose(state.item.predicted));
    $("skip").addEventListener("click", skip);
    $("undo").addEventListener("click", undo);
    $("filters").addEventListener("submit", (event) => {
      event.preventDefault();
      if (filtersValid()) {
        say("");
        next();
      }
    });
    document.addEventListener("keydown", onKey);
    await next();
    await accuracy();
    setInterval(accuracy, 10000);
  }

  start().catch((e) => say(e.message));
})();
