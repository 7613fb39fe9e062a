// Server or Less: the little JavaScript the site has. Everything works
// without it; it adds the "Copy link" and "Print" buttons, marks a changed
// verdict and keeps the fields' error state in step with htmx updates.
(function () {
  "use strict";

  // Lets the stylesheet hide what only readers without JavaScript need.
  document.documentElement.classList.add("js");

  // Show the buttons that need a script: copy only where the clipboard API
  // exists (otherwise the selectable link field is the fallback).
  function revealButtons(root) {
    root.querySelectorAll("button[data-print]").forEach(function (b) { b.hidden = false; });
    if (!navigator.clipboard) return;
    root.querySelectorAll("button[data-copy]").forEach(function (b) { b.hidden = false; });
  }

  // The printed page says when it was printed, and the growth timeline in
  // which calendar month the cheapest option changes. The page itself is
  // cached, so the dates are the reader's, filled in here.
  function fillToday(root) {
    var now = new Date();
    root.querySelectorAll("[data-today]").forEach(function (t) {
      t.textContent = now.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    });
    root.querySelectorAll("[data-months-ahead]").forEach(function (t) {
      var then = new Date(now.getFullYear(), now.getMonth() + Number(t.getAttribute("data-months-ahead")), 1);
      t.textContent = " (about " + then.toLocaleDateString("en-GB", { month: "long", year: "numeric" }) + ")";
    });
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest("button[data-print]")) {
      window.print();
      return;
    }
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    var label = button.textContent;
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = "Copied";
      button.setAttribute("data-copied", "true");
      setTimeout(function () {
        button.textContent = label;
        button.removeAttribute("data-copied");
      }, 2000);
    }, function () {
      field.focus();
      field.select();
    });
  });

  // Selecting the whole link on focus makes copying by hand one keystroke.
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input[readonly]")) event.target.select();
  });

  // A new verdict flashes once: on the result, and on the phone's result
  // bar (swapped out of band), which is always in sight.
  var verdictBefore = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var current = event.detail.target.querySelector("[data-testid=verdict]");
    verdictBefore = current ? current.getAttribute("data-verdict") : null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    // Out-of-band swaps are announced on the new element itself.
    var target = event.target;
    revealButtons(target);
    fillToday(target);
    var shown = target.id === "jump-to-result" ? target : target.querySelector("[data-testid=verdict]");
    if (shown && verdictBefore !== null && shown.getAttribute("data-verdict") !== verdictBefore) {
      shown.classList.add("verdict-changed");
    }
  });

  // The server names bad answers next to their fields (out of band); the
  // field itself says it is invalid for as long as its message shows.
  document.addEventListener("htmx:afterSwap", function () {
    document.querySelectorAll("p.field-error[id^='error-']").forEach(function (message) {
      var field = document.getElementById("q-" + message.id.slice("error-".length));
      if (!field || field.tagName !== "INPUT") return;
      if (message.textContent.trim() !== "") field.setAttribute("aria-invalid", "true");
      else field.removeAttribute("aria-invalid");
    });
  });

  document.addEventListener("DOMContentLoaded", function () {
    revealButtons(document);
    fillToday(document);
  });
})();
