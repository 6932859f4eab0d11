// treatywatch compare pages. The view switch is made of real links that work without this
// file; with it, switching keeps the reader at the article they were reading (the #anchor).
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  document.body.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-keep-hash]");
    if (!link || !window.location.hash) return;
    const target = new URL(link.href, window.location.href);
    target.hash = window.location.hash;
    event.preventDefault();
    window.location.assign(target.href);
  });
});
