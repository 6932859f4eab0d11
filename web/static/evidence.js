// Evidence by selecting text in the reader. The reader includes an empty, hidden
// <aside id="evidence-panel">; the panel's form comes from GET /evidence/panel, which answers
// 204 (no panel) to anyone but an analyst. Selecting words inside one provision's text
// (an element with data-doc and data-path) fills the panel with the quote and its citation;
// "e" moves the keyboard focus into it. Submitting posts JSON to /api/v1/evidence with the CSRF
// token; the server anchors the words exactly (refusing absent or ambiguous quotes) and answers
// with the fact-check draft they were added to, linked here. No inline script: the CSP forbids it.
"use strict";

(() => {
  const panel = document.getElementById("evidence-panel");
  if (!panel) return;

  let selected = null; // { doc, path, quote }

  function textElementOf(node) {
    const element = node && (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement);
    return element ? element.closest("[data-doc][data-path]") : null;
  }

  function csrfToken() {
    const field = panel.querySelector("input[name=csrf_token]");
    return field ? field.value : "";
  }

  function show(form) {
    const quote = form.querySelector("[data-evidence-quote]");
    const citation = form.querySelector("[data-evidence-citation]");
    const hint = form.querySelector("[data-evidence-hint]");
    const submit = form.querySelector("[data-evidence-submit]");
    if (selected) {
      quote.textContent = `“${selected.quote}”`;
      const where = selected.path ? `at ${selected.path}` : "(the whole text)";
      const title = document.querySelector("h1");
      citation.textContent = `${title ? title.firstChild.textContent.trim() : "document " + selected.doc} ${where}`;
      hint.hidden = true;
      submit.disabled = false;
    } else {
      quote.textContent = "";
      citation.textContent = "";
      hint.hidden = false;
      submit.disabled = true;
    }
    panel.hidden = false;
  }

  // The selection as a quote when it lies inside one provision's text; null otherwise.
  function currentSelection() {
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const start = textElementOf(range.startContainer);
    const end = textElementOf(range.endContainer);
    if (!start || start !== end) return null;
    const quote = selection.toString().replace(/\s+/g, " ").trim();
    if (!quote) return null;
    return { doc: start.dataset.doc, path: start.dataset.path, quote };
  }

  function noteSelection(form) {
    const now = currentSelection();
    if (now) {
      selected = now;
      form.querySelector("[data-evidence-result]").textContent = "";
      show(form);
    }
  }

  function result(form, message, link) {
    const box = form.querySelector("[data-evidence-result]");
    box.textContent = message;
    if (link) {
      box.append(" ");
      const anchor = document.createElement("a");
      anchor.href = link.href;
      anchor.textContent = link.text;
      box.append(anchor);
    }
  }

  async function submit(form) {
    if (!selected) return;
    const body = { doc: selected.doc, path: selected.path, quote: selected.quote,
      note: form.elements.note.value };
    const claim = form.elements.claim.value;
    if (claim) {
      body.claim = Number(claim);
    } else {
      body.new_claim = { text: form.elements.claim_text.value,
        actor: form.elements.claim_actor.value };
    }
    const button = form.querySelector("[data-evidence-submit]");
    button.disabled = true;
    try {
      const response = await fetch("/api/v1/evidence", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrfToken() },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 201) {
        result(form, `Added to fact-check #${answer.factcheck}` +
          (answer.created_draft ? " (a new draft)." : "."),
          { href: answer.url, text: `Open fact-check #${answer.factcheck}` });
        if (!claim && answer.claim) {
          const option = document.createElement("option");
          option.value = String(answer.claim);
          option.textContent = `#${answer.claim} ${body.new_claim.text.slice(0, 100)}`;
          form.elements.claim.append(option);
          form.elements.claim.value = option.value;
        }
        form.querySelector("[data-evidence-result] a").focus();
      } else {
        result(form, (answer.error && answer.error.message) || `Refused (${response.status}).`);
      }
    } catch (error) {
      result(form, `Could not reach the server: ${error.message}`);
    } finally {
      button.disabled = false;
    }
  }

  function wire(form) {
    document.addEventListener("mouseup", () => noteSelection(form));
    document.addEventListener("keyup", (event) => {
      if (event.key === "e" && selected && !form.contains(document.activeElement) &&
          !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        show(form);
        form.elements.claim.focus();
        return;
      }
      noteSelection(form);
    });
    form.elements.claim.addEventListener("change", () => {
      form.querySelector("[data-evidence-new-claim]").hidden = form.elements.claim.value !== "";
    });
    form.querySelector("[data-evidence-close]").addEventListener("click", () => {
      panel.hidden = true;
    });
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submit(form);
    });
  }

  fetch("/evidence/panel", { credentials: "same-origin" }).then(async (response) => {
    if (response.status !== 200) return; // not an analyst: no panel
    panel.innerHTML = await response.text();
    const form = panel.querySelector("form");
    if (form) wire(form);
  });
})();
