// Infinite scroll: when the "Load more" link comes into view, fetch the next page and append it.
// Without JavaScript (or without IntersectionObserver) the link simply opens the next page.
(() => {
  if (!("IntersectionObserver" in window)) return;
  const observer = new IntersectionObserver((entries) => {
    entries.forEach(async (entry) => {
      if (!entry.isIntersecting) return;
      const link = entry.target;
      observer.unobserve(link);
      const response = await fetch(link.dataset.fragment, { credentials: "same-origin" }).catch(() => null);
      if (!response || !response.ok) { observer.observe(link); return; }
      const holder = document.createElement("div");
      holder.innerHTML = await response.text(); // server-rendered, escaped HTML from this site
      const paragraph = link.closest(".load-more");
      paragraph.replaceWith(...holder.childNodes);
      watch();
    });
  }, { rootMargin: "400px" });

  function watch() {
    document.querySelectorAll(".load-more a[data-fragment]").forEach((link) => observer.observe(link));
  }
  watch();
})();
