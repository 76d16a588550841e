"""Watching a Chromium page for script that should not run, and reading what it shows in each place.

An init script, run before any of the page's own, replaces alert, confirm, prompt and print with one
marker function that records each call and where it came from (the payloads' proof of execution,
however obfuscated: `top['al'+'ert']`, `eval(atob(...))`, `setTimeout('alert(1)')` all end up there).
Once the page has loaded, a scan lists any element that could run script or load a document: a script
that is not the app's own, an on* attribute (which would need a mouse or a focus to fire), a
javascript:/vbscript: URL, a frame, object, embed, base or refresh. Then every place is read back and
must hold exactly what was stored, as an HTML parser reads it (CR LF and CR as LF) and as the place
shows it (a post body's <br> as a newline; see xss_places.linkified). Pages are opened with the
Content-Security-Policy bypassed, so what is measured is the escaping itself: an injection the CSP
would have blocked still runs and counts.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .xss_places import Place

WATCH = r"""(() => {
  const hits = [], risky = [];
  const where = () => {
    const target = window.event && window.event.target;
    const holder = target && target.closest ? target.closest("[id]") : null;
    return holder ? holder.id : (document.currentScript ? "a script element" : "?");
  };
  const marker = (name) => function (...args) {
    hits.push(`${name}(${args.map(String).join(", ").slice(0, 60)}) from ${where()}`);
  };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    Object.defineProperty(window, name, { value: marker(name), writable: false, configurable: false });
  }
  const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "data", "xlink:href", "background",
    "poster", "ping", "codebase", "lowsrc", "dynsrc"]);
  const FRAMES = new Set(["IFRAME", "FRAME", "FRAMESET", "OBJECT", "EMBED", "APPLET", "BASE", "PORTAL"]);
  const ownScript = (el) => el.src && el.src.startsWith(`${location.origin}/static/js/`);
  function check(el) {
    const tag = el.tagName.toUpperCase();
    const found = [];
    if (tag === "SCRIPT" && !ownScript(el)) found.push("script");
    if (FRAMES.has(tag) || (tag === "META" && el.hasAttribute("http-equiv"))) found.push(tag.toLowerCase());
    for (const a of el.attributes) {
      if (a.name.startsWith("on")) found.push(a.name);
      if (a.name === "srcdoc") found.push("srcdoc");
      const url = URL_ATTRIBUTES.has(a.name) && a.value.replace(/[\s\0-\x1f]/g, "");
      if (url && /^(javascript|vbscript):/i.test(url)) found.push(a.name);
    }
    if (found.length) {
      const holder = el.closest("[id]");
      risky.push(`<${tag.toLowerCase()}> ${found.join(" ")} in #${holder ? holder.id : "?"}`);
    }
  }
  document.addEventListener("securitypolicyviolation", (e) => hits.push(`CSP ${e.violatedDirective}`));
  const scan = () => { document.querySelectorAll("*").forEach(check); return { hits, risky }; };
  Object.defineProperty(window, "__xss", { value: scan });
})();"""

READ = """(places) => {
const lines = (node) => [...node.childNodes].map((n) => n.nodeName === "BR" ? "\\n" :
  n.nodeType === 1 ? lines(n) : n.nodeType === 3 ? n.textContent : "").join("");
return places.map(([selector, read]) => [...document.querySelectorAll(selector)].map((el) => {
  if (read === "text") return el.textContent;
  if (read === "lines") return lines(el);
  if (read.startsWith("@")) return el.getAttribute(read.slice(1));
  return [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
}));
}"""


def parsed(text: str) -> str:
    """The text as an HTML parser reads it: every CR LF and lone CR becomes LF before anything else."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


KINDS = ("executions", "script_errors", "risky_markup", "not_as_typed", "outside_requests", "console_errors")


@dataclass
class Findings:
    """What went wrong on the pages opened so far (all lists are empty when nothing did)."""

    executions: list[str] = field(default_factory=list)
    script_errors: list[str] = field(default_factory=list)
    risky_markup: list[str] = field(default_factory=list)
    not_as_typed: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    shown_instead: list[str] = field(default_factory=list)  # what the places held instead (examples)
    pages: int = 0

    def counts(self) -> dict[str, int]:
        """How many problems of each kind were seen."""
        return {kind: len(getattr(self, kind)) for kind in KINDS}

    def examples(self) -> dict[str, list[str]]:
        """The first few problems of each kind."""
        return {kind: getattr(self, kind)[:6] for kind in (*KINDS, "shown_instead") if getattr(self, kind)}

    def watch(self, context, origin: str) -> None:
        """Install the marker on every page of a browser context; note dialogs, errors, outside requests."""
        context.add_init_script(WATCH)

        def route(route):
            if route.request.url.startswith(origin):
                route.continue_()
            else:
                self.outside_requests.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        context.on("page", self._watch_page)

    @staticmethod
    def skip_pictures(context, page) -> None:
        """Have Chromium itself refuse the attachments' pictures (never uploaded: their alt text is under
        test); refusing 8,000 through Playwright's router would take as long as the rest of the test."""
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setBlockedURLs", {"urls": ["*/p/media/*"]})

    def _watch_page(self, page) -> None:
        def on_dialog(dialog):
            self.executions.append(f"{page.url}: dialog {dialog.type} {dialog.message[:60]}")
            dialog.dismiss()

        def on_console(message):
            if message.type == "error" and not message.text.startswith("Failed to load resource"):
                self.console_errors.append(f"{page.url}: {message.text[:200]}")

        page.on("dialog", on_dialog)
        page.on("console", on_console)
        page.on("pageerror", lambda error: self.script_errors.append(f"{page.url}: {error}"[:200]))

    def check(self, page, url: str, places: list[Place]) -> None:
        """Open a page; record executions, risky markup, and values that differ from what was stored."""
        page.goto(url, timeout=120_000)
        state = page.evaluate("() => window.__xss()")
        self.executions += [f"{url}: {hit}" for hit in state["hits"]]
        self.risky_markup += [f"{url}: {item}" for item in state["risky"]]
        shown = page.evaluate(READ, [[p.selector, p.read] for p in places])
        for place, values in zip(places, shown, strict=True):
            expected, shown = Counter(map(parsed, place.expected)), Counter(values)
            missing, extra = expected - shown, shown - expected
            self.not_as_typed += [f"{place.name}: {v!r} is not shown as stored" for v in missing.elements()]
            self.shown_instead += [f"{place.name}: {v!r}" for v in list(extra)[:3]]
        self.pages += 1
