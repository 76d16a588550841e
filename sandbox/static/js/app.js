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

// The "Manage" menu closes when focus or a click goes elsewhere, or on Escape, as a menu would.
document.addEventListener("click", (event) => {
  document.querySelectorAll(".nav-more details[open]").forEach((menu) => {
    if (!menu.contains(event.target)) menu.open = false;
  });
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  document.querySelectorAll(".nav-more details[open]").forEach((menu) => {
    menu.open = false;
    menu.querySelector("summary").focus();
  });
});
