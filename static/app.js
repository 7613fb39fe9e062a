// Server or Less: the little JavaScript the site has. Everything works
// without it; it only adds the "Copy link" button.
(function () {
  "use strict";

  // Lets the stylesheet hide what only readers without JavaScript need.
  document.documentElement.classList.add("js");

  // Show copy buttons only where the clipboard API exists; otherwise the
  // selectable link field beside them is the fallback.
  function revealCopyButtons(root) {
    if (!navigator.clipboard) return;
    root.querySelectorAll("button[data-copy]").forEach(function (b) { b.hidden = false; });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) return;
    var field = document.getElementById(button.getAttribute("data-copy"));
    if (!field) return;
    navigator.clipboard.writeText(field.value).then(function () {
      button.textContent = "Copied";
      button.setAttribute("data-copied", "true");
      setTimeout(function () {
        button.textContent = "Copy link";
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

  document.addEventListener("DOMContentLoaded", function () { revealCopyButtons(document); });
  document.addEventListener("htmx:afterSwap", function (event) { revealCopyButtons(event.target); });
})();
