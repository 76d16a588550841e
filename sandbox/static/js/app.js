// Site-wide behaviour. No inline scripts: the Content-Security-Policy forbids them.
document.addEventListener("submit", (event) => {
  const form = event.target.closest("form[data-confirm]");
  if (form && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
});

// Logging out forgets the unsent drafts composer.js kept in this tab: the next person at this
// computer must not find them.
document.addEventListener("submit", (event) => {
  if (event.defaultPrevented || !event.target.matches("form.logout")) return;
  try {
    Object.keys(window.sessionStorage).filter((key) => key.startsWith("draft|"))
      .forEach((key) => window.sessionStorage.removeItem(key));
  } catch { /* storage refused: nothing was kept */ }
});
