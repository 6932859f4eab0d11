// treatywatch web UI behaviour shared by every page. No inline scripts anywhere (the CSP
// forbids them): pages mark elements with data-* attributes and this file wires them up.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  // <button data-copy="TEXT">: copy a permalink or citation to the clipboard.
  document.body.addEventListener("click", (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const text = new URL(button.dataset.copy, window.location.href).href;
    navigator.clipboard?.writeText(text).then(() => {
      button.textContent = "copied";
    });
  });
});
