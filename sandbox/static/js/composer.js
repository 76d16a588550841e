// The composer: a live character counter, and privacy/tone feedback while typing.
// Without JavaScript the form still works: the server checks the draft when it is submitted.
(() => {
  const DELAY_MS = 350;
  const SEVERITY_WORDS = { block: "Stop", warn: "Check", info: "Note", good: "Good" };

  function audienceOf(form) {
    if (form.dataset.kind === "dm") return "private";
    const chosen = form.querySelector('input[name="audience"]:checked');
    if (chosen) return chosen.dataset.feedback || "public";
    return form.dataset.audience || "public"; // a form whose audience was chosen earlier (the pause)
  }

  function csrfToken(form) {
    const field = form.querySelector('input[name="csrf_token"]');
    return field ? field.value : "";
  }

  function highlight(preview, text, findings) {
    preview.replaceChildren();
    const spans = findings.filter((f) => f.kind === "privacy" && f.start !== null)
      .sort((a, b) => a.start - b.start);
    let cursor = 0;
    for (const f of spans) {
      if (f.start < cursor) continue;
      preview.append(document.createTextNode(text.slice(cursor, f.start)));
      const mark = document.createElement("mark");
      mark.className = `sev-${f.severity}`;
      mark.title = f.label;
      mark.textContent = text.slice(f.start, f.end);
      preview.append(mark);
      cursor = f.end;
    }
    preview.append(document.createTextNode(text.slice(cursor)));
    preview.hidden = spans.length === 0;
  }

  function findingItem(f) {
    const item = document.createElement("li");
    item.className = `finding sev-${f.severity}`;
    const head = document.createElement("strong");
    head.textContent = `${SEVERITY_WORDS[f.severity] || f.severity}: ${f.label.replace("_", " ").toLowerCase()}`;
    item.append(head);
    if (f.text) item.append(document.createTextNode(` “${f.text}”`));
    for (const [cls, words] of [["why", f.message], ["instead", f.suggestion && `Instead: ${f.suggestion}`]]) {
      if (!words) continue;
      const p = document.createElement("p");
      p.className = cls;
      p.textContent = words;
      item.append(p);
    }
    return item;
  }

  function showReport(form, textarea, report) {
    const live = form.querySelector(".findings-live");
    highlight(form.querySelector(".composer-preview"), textarea.value, report.findings);
    live.replaceChildren();
    if (!report.findings.length) {
      if (textarea.value.trim()) live.textContent = "No privacy or tone problems found so far.";
      return;
    }
    const list = document.createElement("ul");
    list.className = "findings";
    report.findings.forEach((f) => list.append(findingItem(f)));
    live.append(list);
    if (report.safer_text && report.safer_text !== textarea.value) {
      const safer = document.createElement("p");
      safer.className = "safer";
      const quote = document.createElement("q");
      quote.textContent = report.safer_text;
      safer.append("Safer version: ", quote);
      live.append(safer);
      const button = document.createElement("button");
      button.type = "button";
      button.className = "secondary safer-button";
      button.textContent = "Use the safer version";
      button.addEventListener("click", () => {
        textarea.value = report.safer_text;
        textarea.dispatchEvent(new Event("input"));
        textarea.focus();
      });
      live.append(button);
    }
  }

  // What the server needs to judge the draft: its words and setting, the run and the post it answers.
  function draftOf(form, textarea) {
    const draft = { text: textarea.value, platform: form.dataset.platform, audience: audienceOf(form) };
    for (const name of ["run_id", "parent_id"]) {
      const field = form.querySelector(`input[name="${name}"]`);
      if (field && /^\d+$/.test(field.value)) draft[name] = Number(field.value);
    }
    return draft;
  }

  // Unsent drafts are kept in this tab's session storage until their form is submitted, so a reload,
  // a dropped connection or a page that swaps in new posts never loses a word. Storage can be refused
  // (private windows, full quota): the composer then works as before.
  const store = {
    key: (textarea) => `draft|${document.body.dataset.user || ""}|${window.location.pathname}|${textarea.id}`,
    read(key) {
      try { return window.sessionStorage.getItem(key) || ""; } catch { return ""; }
    },
    write(key, text) {
      try {
        if (text.trim()) window.sessionStorage.setItem(key, text);
        else window.sessionStorage.removeItem(key);
      } catch { /* not kept: nothing else to do */ }
    },
  };

  function restoreDraft(form, textarea) {
    const saved = store.read(store.key(textarea));
    if (!saved || textarea.value) return;
    textarea.value = saved;
    const folded = form.closest("details");
    if (folded) folded.open = true;
    const note = document.createElement("p");
    note.className = "hint draft-restored";
    note.textContent = "Your unsent draft is back where you left it.";
    textarea.before(note);
  }

  function setup(form) {
    const textarea = form.querySelector(".composer-text");
    if (!textarea || form.dataset.composerReady) return;
    form.dataset.composerReady = "1";
    restoreDraft(form, textarea);
    form.addEventListener("submit", () => store.write(store.key(textarea), ""));
    const counter = form.querySelector(".counter");
    const submit = form.querySelector('button[type="submit"]');
    const limit = Number(form.dataset.limit);
    let timer = null;
    let latest = 0;

    async function check() {
      const ticket = ++latest;
      const response = await fetch(form.dataset.feedbackUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(form) },
        body: JSON.stringify(draftOf(form, textarea)),
      }).catch(() => null);
      if (!response || !response.ok || ticket !== latest) return;
      showReport(form, textarea, await response.json());
    }

    function count() {
      // As the server counts: characters (an emoji is one), line breaks as one, ends trimmed.
      const length = Array.from(textarea.value.trim()).length;
      counter.querySelector(".count").textContent = String(length);
      counter.classList.toggle("over-limit", length > limit);
      if (submit) {
        submit.disabled = length > limit;
        submit.title = length > limit ? `Over the ${limit}-character limit: shorten it first.` : "";
      }
    }

    function onInput() {
      store.write(store.key(textarea), textarea.value);
      count();
      clearTimeout(timer);
      timer = setTimeout(check, DELAY_MS);
    }

    textarea.addEventListener("input", onInput);
    form.querySelectorAll('input[name="audience"]').forEach((r) => r.addEventListener("change", onInput));
    // The pause page already lists what the server found in its draft: checked again once it changes.
    if (textarea.value && form.classList.contains("pause-form")) count();
    else if (textarea.value) onInput();
  }

  document.querySelectorAll("form.composer").forEach(setup);
})();
