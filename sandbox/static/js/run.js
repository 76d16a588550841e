// A running scenario: check every few seconds whether something new arrived, and show it. A trainee
// halfway through a reply is offered a button instead of a reload, so no word is lost; composer.js
// also keeps every unsent draft in this tab, should the page reload anyway.
// Without JavaScript the page has a Refresh link.
(() => {
  const brief = document.querySelector(".run-brief[data-run-url]");
  if (!brief || brief.dataset.status !== "running") return;
  const known = Number(brief.dataset.delivered);
  const every = Number(brief.dataset.pollMs) || 5000;
  const status = document.getElementById("run-status");

  function typing() {
    return [...document.querySelectorAll("form.composer textarea")].some((box) => box.value.trim());
  }

  function offerNewPosts() {
    const notice = document.createElement("p");
    notice.className = "run-new-posts";
    const button = document.createElement("button");
    button.type = "button";
    button.className = "secondary";
    button.textContent = "New posts arrived — show them";
    button.addEventListener("click", () => window.location.reload());
    notice.append(button);
    document.querySelector("section.feed").before(notice);
    if (status) status.textContent = "New posts arrived. Your draft stays as it is until you show them.";
  }

  const timer = setInterval(async () => {
    const response = await fetch(brief.dataset.runUrl, { credentials: "same-origin" }).catch(() => null);
    if (!response || !response.ok) return;
    const run = await response.json();
    if (run.injects.length === known && run.status === "running") return;
    clearInterval(timer);
    if (typing()) {
      offerNewPosts();
    } else {
      if (status) status.textContent = "Something new arrived. Loading it…";
      window.location.reload();
    }
  }, every);
})();
