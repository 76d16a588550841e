// A running scenario: check every few seconds whether something new arrived, and show it.
// Without JavaScript the page has a Refresh link.
(() => {
  const brief = document.querySelector(".run-brief[data-run-url]");
  if (!brief || brief.dataset.status !== "running") return;
  const known = Number(brief.dataset.delivered);
  const status = document.getElementById("run-status");
  const timer = setInterval(async () => {
    const response = await fetch(brief.dataset.runUrl, { credentials: "same-origin" }).catch(() => null);
    if (!response || !response.ok) return;
    const run = await response.json();
    if (run.injects.length !== known || run.status !== "running") {
      clearInterval(timer);
      if (status) status.textContent = "Something new arrived. Loading it…";
      window.location.reload();
    }
  }, 5000);
})();
