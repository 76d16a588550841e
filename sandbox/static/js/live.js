// Live sessions: one event stream shared by the console, the projector and a trainee's run page.
// Server-sent events first; after 3 failures in a row (or without EventSource) it polls the JSON API every
// 3 s and tries the stream again every 30 s. Events carry numbers: anything at or below the last one seen
// is a duplicate and is ignored. Without JavaScript every page still works by reloading.
(() => {
  const root = document.querySelector("[data-events-url]");
  if (!root) return;
  const page = document.querySelector("[data-live-page]") || root;
  const pageKind = page.dataset.livePage;
  const KINDS = ["session.created", "session.state", "session.ended", "participant.joined", "participant.grouped",
    "inject.released", "post.created", "post.deleted", "post.edited", "feed.changed", "persona.posted",
    "projector.changed"];
  const POLL_MS = 3000;
  const RETRY_SSE_MS = 30000;
  const MAX_FAILURES = 3;
  const SEVERITY_ORDER = ["block", "warn", "info", "good"];

  let last = Number(root.dataset.lastSeq) || 0;
  let source = null;
  let failures = 0;
  let pollTimer = null;
  let retryTimer = null;
  let stopped = false; // the session ended: no more events will come
  let leaving = false; // a form was submitted or the page is going away
  let statusText = "Connecting…";
  let statusClass = "";

  // ---- connection -------------------------------------------------------------------------------
  function setStatus(text, cls) {
    statusText = text;
    statusClass = cls;
    document.querySelectorAll("[data-live-connection]").forEach((line) => {
      if (line.textContent !== text) line.textContent = text;
      line.classList.toggle("is-live", cls === "live");
      line.classList.toggle("is-down", cls === "down");
    });
  }

  function receive(body) {
    if (stopped || typeof body.seq !== "number" || body.seq <= last) return;
    last = body.seq;
    handlers[pageKind]?.(body);
    if (body.kind === "session.ended") {
      stop();
      setStatus("The session has ended.", "");
    }
  }

  function onMessage(message) {
    failures = 0;
    try {
      receive(JSON.parse(message.data));
    } catch (error) {
      console.warn("live: an event could not be read", error);
    }
  }

  function connect() {
    if (stopped) return;
    if (!("EventSource" in window)) {
      startPolling();
      return;
    }
    const url = new URL(root.dataset.eventsUrl, window.location.href);
    url.searchParams.set("after", String(last));
    const stream = new EventSource(url);
    source = stream;
    stream.onopen = () => {
      failures = 0;
      stopPolling();
      setStatus("Live", "live");
    };
    KINDS.forEach((kind) => stream.addEventListener(kind, onMessage));
    stream.onmessage = onMessage;
    stream.onerror = () => {
      if (stopped || source !== stream) return;
      failures += 1;
      if (stream.readyState === EventSource.CLOSED || failures >= MAX_FAILURES) {
        stream.close();
        source = null;
        startPolling();
      } else {
        setStatus("Reconnecting…", "down");
      }
    };
  }

  async function poll() {
    if (stopped) return;
    const url = new URL(root.dataset.pollUrl, window.location.href);
    url.searchParams.set("after", String(last));
    const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .catch(() => null);
    if (!response || !response.ok) {
      setStatus("Reconnecting…", "down");
      return;
    }
    const body = await response.json();
    (body.events || []).forEach(receive);
    if (typeof body.last === "number") last = Math.max(last, body.last);
    if (!source) setStatus("Live updates by polling", "live");
  }

  function startPolling() {
    if (stopped) return;
    setStatus("Live updates by polling", "live");
    if (!pollTimer) {
      pollTimer = setInterval(poll, POLL_MS);
      poll();
    }
    if ("EventSource" in window && !retryTimer) {
      retryTimer = setTimeout(() => {
        retryTimer = null;
        if (!source) connect();
      }, RETRY_SSE_MS);
    }
  }

  function stopPolling() {
    clearInterval(pollTimer);
    clearTimeout(retryTimer);
    pollTimer = null;
    retryTimer = null;
  }

  function stop() {
    stopped = true;
    stopPolling();
    if (source) source.close();
    source = null;
  }

  // Leaving the page (a form submitted, a link followed): stop listening, so a background refresh never
  // races the page that comes next (it would take its flash messages).
  function leave() {
    leaving = true;
    stop();
  }

  window.addEventListener("submit", (event) => {
    if (!event.defaultPrevented) leave();
  });
  window.addEventListener("pagehide", leave);
  window.addEventListener("pageshow", (event) => {
    if (event.persisted) window.location.reload(); // back from the cache: its stream was closed
  });

  // ---- the clock ---------------------------------------------------------------------------------
  function clockText(seconds) {
    const whole = Math.max(Math.floor(seconds), 0);
    return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}`;
  }

  function startClock(el) {
    const speed = Number(el.dataset.speed) || 1;
    let base = Number(el.dataset.clock) || 0;
    if (el.dataset.anchor && el.dataset.status === "running") {
      base += Math.max((Date.now() - Date.parse(el.dataset.anchor)) / 1000, 0) * speed;
    }
    el.liveClock = { base, speed, since: performance.now(), running: el.dataset.status === "running" };
  }

  function tickClocks() {
    document.querySelectorAll(".live-clock[data-clock]").forEach((el) => {
      if (!el.liveClock) startClock(el);
      const c = el.liveClock;
      const seconds = c.running ? c.base + ((performance.now() - c.since) / 1000) * c.speed : c.base;
      const text = clockText(seconds);
      if (el.textContent !== text) el.textContent = text;
    });
  }

  function setClocks(state) {
    if (typeof state.clock !== "number") return;
    document.querySelectorAll(".live-clock[data-clock]").forEach((el) => {
      el.dataset.clock = String(state.clock);
      el.dataset.speed = String(state.speed || 1);
      el.dataset.status = state.status || el.dataset.status;
      delete el.dataset.anchor;
      startClock(el);
    });
    tickClocks();
  }

  // ---- swapping parts of the page with a fresh copy of it ----------------------------------------
  async function fetchPage() {
    const response = await fetch(window.location.pathname + window.location.search, {
      credentials: "same-origin",
      headers: { "X-Live-Refresh": "1" },
    }).catch(() => null);
    if (!response || !response.ok || leaving) return null;
    return new DOMParser().parseFromString(await response.text(), "text/html");
  }

  function isBusy(section) {
    if (!section) return false;
    if (section.contains(document.activeElement) && document.activeElement.matches("input, textarea, select")) {
      return true;
    }
    const edited = [...section.querySelectorAll("input:not([type=hidden]), textarea")]
      .some((field) => field.value !== field.defaultValue);
    return edited || [...section.querySelectorAll("select")].some((select) => {
      const initial = Math.max([...select.options].findIndex((o) => o.defaultSelected), 0);
      return select.selectedIndex !== initial;
    });
  }

  function hasDraft(section) {
    return !!section && [...section.querySelectorAll("textarea")].some((t) => t.value.trim() !== "");
  }

  function swap(current, fresh) {
    if (!fresh) {
      if (current) current.remove();
      return null;
    }
    const adopted = document.importNode(fresh, true);
    if (current) {
      const twins = adopted.querySelectorAll("details");
      current.querySelectorAll("details").forEach((details, i) => {
        if (details.open && twins[i]) twins[i].open = true;
      });
      current.replaceWith(adopted);
    }
    return adopted;
  }

  function syncOptions(select, freshSelect) {
    if (!select || !freshSelect) return;
    const chosen = select.value;
    select.replaceChildren(...[...freshSelect.options].map((o) => new Option(o.text, o.value)));
    select.value = [...select.options].some((o) => o.value === chosen) ? chosen : select.options[0]?.value || "";
  }

  function debounce(fn, ms) {
    let timer = null;
    return () => {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    };
  }

  // ---- console ------------------------------------------------------------------------------------
  const wall = document.getElementById("wall");
  let countsSeq = last;

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function labelWords(label) {
    return label.replace(/_/g, " ").toLowerCase();
  }

  function wallItem(post) {
    const item = el("li", "wall-item is-new");
    item.id = `wall-${post.post_id}`;
    const meta = el("p", "wall-meta");
    meta.append(el("strong", "wall-name", post.name || "A trainee"));
    if (post.group) meta.append(el("span", "wall-group", post.group));
    meta.append(el("span", "wall-kind", `${post.kind.replace(/_/g, " ")}${post.answers ? ` to ${post.answers}` : ""}`));
    const time = el("time", "", (post.created_at || "").slice(11, 19));
    time.dateTime = post.created_at || "";
    meta.append(time);
    item.append(meta, el("p", "wall-body", post.body), el("p", "wall-flags"), el("ul", "badges"));
    const template = document.getElementById("spotlight-template");
    if (template) {
      const form = template.content.firstElementChild.cloneNode(true);
      form.querySelector('input[name="post_id"]').value = String(post.post_id);
      item.append(form);
    }
    return item;
  }

  function fillWallItem(item, post) {
    item.dataset.postId = String(post.post_id);
    item.dataset.participant = post.participant_id == null ? "" : String(post.participant_id);
    item.dataset.group = post.group || "";
    const labels = [...new Set(post.findings.map((f) => f.label))];
    item.dataset.labels = labels.join(" ");
    item.classList.toggle("is-deleted", !!post.deleted);
    item.querySelector(".wall-body").textContent = post.body;
    const flags = item.querySelector(".wall-flags");
    flags.replaceChildren();
    if (post.overridden) flags.append(el("span", "marker marker-overridden", "Warning overridden"));
    if (post.deleted) flags.append(el("span", "marker marker-deleted", "Deleted"));
    if (post.edited) flags.append(el("span", "marker marker-edited", "Edited"));
    const badges = item.querySelector(".badges");
    badges.replaceChildren(...[...post.findings]
      .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
      .map((f) => {
        const badge = el("li", `badge sev-${f.severity}`, labelWords(f.label));
        if (f.text) badge.title = f.text;
        return badge;
      }));
    return labels;
  }

  function bumpCounts(labels) {
    const list = document.querySelector("[data-counts]");
    if (!list) return;
    labels.forEach((label) => {
      let row = [...list.children].find((li) => li.dataset.label === label);
      if (!row) {
        row = el("li");
        row.dataset.label = label;
        row.append(el("span", "count-label", labelWords(label)), " ", el("strong", "count-n", "0"));
        list.append(row);
        addOption(document.getElementById("filter-label"), label, labelWords(label));
      }
      const n = row.querySelector(".count-n");
      n.textContent = String(Number(n.textContent) + 1);
      row.classList.add("is-new");
      setTimeout(() => row.classList.remove("is-new"), 2000);
    });
    const rows = [...list.children].sort((a, b) =>
      Number(b.querySelector(".count-n").textContent) - Number(a.querySelector(".count-n").textContent));
    list.append(...rows);
    const empty = document.querySelector("[data-counts-empty]");
    if (empty) empty.hidden = list.children.length > 0;
  }

  function addOption(select, value, text) {
    if (select && ![...select.options].some((o) => o.value === value)) select.append(new Option(text, value));
  }

  function addReplyTarget(post) {
    const target = document.querySelector('.roleplay-form select[name="target"]');
    if (!target || post.deleted || post.kind === "dm") return;
    const value = `reply:${post.post_id}`;
    if ([...target.options].some((o) => o.value === value)) return;
    const option = new Option(`A reply to ${post.name}: ${post.body.slice(0, 60)}`, value);
    const firstReply = [...target.options].find((o) => o.value.startsWith("reply:"));
    target.insertBefore(option, firstReply || null);
  }

  function showPost(body) {
    if (!wall) return;
    const post = body.payload;
    let item = document.getElementById(`wall-${post.post_id}`);
    const isNew = !item;
    if (isNew) {
      item = wallItem(post);
      wall.prepend(item);
    }
    const labels = fillWallItem(item, post);
    if (isNew) {
      bumpCounts(labels);
      countsSeq = body.seq;
      addReplyTarget(post);
    }
    const empty = document.querySelector("[data-wall-empty]");
    if (empty) empty.hidden = true;
    filterWall();
  }

  function filterWall() {
    if (!wall) return;
    const chosen = {};
    document.querySelectorAll("[data-wall-filters] select[data-filter]").forEach((s) => {
      chosen[s.dataset.filter] = s.value;
    });
    let shown = 0;
    wall.querySelectorAll(".wall-item").forEach((item) => {
      const ok = (!chosen.participant || item.dataset.participant === chosen.participant)
        && (!chosen.group || item.dataset.group === chosen.group)
        && (!chosen.labels || item.dataset.labels.split(" ").includes(chosen.labels));
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    const none = document.querySelector("[data-wall-filtered]");
    if (none) none.hidden = shown > 0 || !wall.children.length;
  }

  function regroup(participant) {
    if (!wall) return;
    wall.querySelectorAll(`.wall-item[data-participant="${participant.id}"]`).forEach((item) => {
      item.dataset.group = participant.group || "";
    });
  }

  function markSpotlight(projector) {
    const shown = new Set((projector.spotlight || []).map(String));
    document.querySelectorAll(".wall-item .spotlight-form button").forEach((button) => {
      const id = button.closest(".wall-item").dataset.postId;
      button.textContent = shown.has(id) ? "Take off the projector" : "Spotlight";
    });
  }

  const CONSOLE_SECTIONS = ["console-state", "master-events", "participants"];

  async function refreshConsole() {
    const doc = await fetchPage();
    if (!doc) return;
    let busy = false;
    CONSOLE_SECTIONS.forEach((id) => {
      const current = document.getElementById(id);
      if (isBusy(current)) {
        busy = true;
      } else if (current && doc.getElementById(id)) {
        swap(current, doc.getElementById(id));
      }
    });
    const freshRoot = doc.querySelector("[data-events-url]");
    if (freshRoot && Number(freshRoot.dataset.lastSeq) >= countsSeq) swap(document.getElementById("label-counts"), doc.getElementById("label-counts"));
    const roleplay = document.getElementById("roleplay");
    const freshRoleplay = doc.getElementById("roleplay");
    if (roleplay && freshRoleplay) {
      const hadForm = !!roleplay.querySelector("form");
      if (!hadForm || !freshRoleplay.querySelector("form")) swap(roleplay, freshRoleplay);
      else syncOptions(roleplay.querySelector('select[name="target"]'), freshRoleplay.querySelector('select[name="target"]'));
    }
    ["filter-trainee", "filter-group", "filter-label"].forEach((id) => {
      syncOptions(document.getElementById(id), doc.getElementById(id));
    });
    filterWall();
    tickClocks();
    if (busy) setTimeout(consoleRefresh, 5000);
  }

  const consoleRefresh = debounce(refreshConsole, 250);

  function setupFilters() {
    const filters = document.querySelector("[data-wall-filters]");
    if (!filters) return;
    filters.hidden = false;
    filters.addEventListener("change", filterWall);
    filters.addEventListener("submit", (event) => event.preventDefault());
  }

  // ---- projector ----------------------------------------------------------------------------------
  async function refreshProjector() {
    const doc = await fetchPage();
    if (doc) swap(document.getElementById("projector-stage"), doc.getElementById("projector-stage"));
  }

  const projectorRefresh = debounce(refreshProjector, 400);

  // ---- the trainee's run page ---------------------------------------------------------------------
  const FEED = "section.feed";
  const DMS = 'section[aria-labelledby="dm-title"]';
  let notice = null;

  function reloadComposers() {
    // composer.js wires the composers it finds when it runs; run it again for the new ones.
    const original = document.querySelector('script[src*="js/composer.js"]');
    if (!original) return;
    const again = document.createElement("script");
    again.src = original.src;
    document.body.append(again);
    again.addEventListener("load", () => again.remove());
  }

  function swapRunParts(doc) {
    swap(document.querySelector(".run-brief"), doc.querySelector(".run-brief"));
    swap(document.querySelector(FEED), doc.querySelector(FEED));
    const dms = document.querySelector(DMS);
    const freshDms = doc.querySelector(DMS);
    if (dms) swap(dms, freshDms);
    else if (freshDms) document.querySelector(FEED).after(document.importNode(freshDms, true));
    if (notice) notice.remove();
    notice = null;
    setStatus(statusText, statusClass);
    reloadComposers();
    tickClocks();
  }

  function offerNewPosts() {
    if (notice) return;
    notice = el("p", "live-new-posts");
    const button = el("button", "secondary", "New posts arrived — show them");
    button.type = "button";
    button.addEventListener("click", async () => {
      const doc = await fetchPage();
      if (doc) swapRunParts(doc);
    });
    notice.append(button);
    document.querySelector(FEED).before(notice);
  }

  async function refreshRun() {
    const doc = await fetchPage();
    if (!doc) return;
    if (hasDraft(document.querySelector(FEED)) || hasDraft(document.querySelector(DMS))) {
      swap(document.querySelector(".run-brief"), doc.querySelector(".run-brief"));
      setStatus(statusText, statusClass);
      tickClocks();
      offerNewPosts();
    } else {
      swapRunParts(doc);
    }
  }

  const runRefresh = debounce(refreshRun, 250);

  // ---- what each page does with each kind of event -------------------------------------------------
  const handlers = {
    console(body) {
      if (body.kind.startsWith("post.")) showPost(body);
      else if (body.kind === "participant.grouped") regroup(body.payload);
      else if (body.kind === "projector.changed") markSpotlight(body.payload);
      if (body.kind === "session.state" || body.kind === "session.ended") setClocks(body.payload);
      if (!body.kind.startsWith("post.") && body.kind !== "persona.posted") consoleRefresh();
    },
    projector(body) {
      if (["inject.released", "projector.changed", "post.created", "post.deleted", "session.state",
        "session.ended"].includes(body.kind)) projectorRefresh();
    },
    trainee(body) {
      if (body.kind === "session.state" || body.kind === "session.ended") setClocks(body.payload);
      if (["inject.released", "feed.changed", "persona.posted", "session.state", "session.ended"]
        .includes(body.kind)) runRefresh();
    },
  };

  setupFilters();
  filterWall();
  tickClocks();
  setInterval(tickClocks, 1000);
  if (page.dataset.sessionStatus === "ended") {
    stopped = true;
    setStatus("The session has ended.", "");
  } else {
    setStatus(statusText, "");
    connect();
  }
})();
