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

  // "Expand all answers" opens every <details> of a list, and closes them
  // again; without JavaScript each answer opens on its own and the button
  // stays hidden.
  function revealExpanders(root) {
    root.querySelectorAll("button[data-expand-all]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    var b = event.target.closest && event.target.closest("button[data-expand-all]");
    if (!b) return;
    var list = document.getElementById(b.getAttribute("data-expand-all"));
    if (!list) return;
    var open = b.getAttribute("aria-expanded") !== "true";
    list.querySelectorAll("details").forEach(function (d) { d.open = open; });
    b.setAttribute("aria-expanded", String(open));
    b.textContent = open ? "Collapse all answers" : "Expand all answers";
  });

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

  // Nothing that stays on screen covers the focused field (WCAG 2.4.11):
  // the phone's result bar at the bottom, the stuck verdict at the top. The
  // stylesheet's scroll padding does most of it; a browser leaves a field
  // it finds partly in view where it is, so the rest is scrolled here.
  document.addEventListener("focusin", function (event) {
    var e = event.target;
    if (!e.getBoundingClientRect) return;
    var box = (e.type === "radio" && e.closest(".option") ? e.closest(".option") : e).getBoundingClientRect();
    var bar = document.getElementById("jump-to-result");
    if (bar && !bar.contains(e) && getComputedStyle(bar).display !== "none") {
      var b = bar.getBoundingClientRect();
      if (box.bottom > b.top && box.top < b.bottom) window.scrollBy({ top: box.bottom - b.top + 8, behavior: "instant" });
    }
    var head = document.querySelector(".verdict-head");
    if (head && !head.contains(e) && getComputedStyle(head).position === "sticky") {
      var h = head.getBoundingClientRect();
      if (h.top <= 0 && box.top < h.bottom && box.bottom > h.top && e.closest("#result")) window.scrollBy({ top: box.top - h.bottom - 8, behavior: "instant" });
    }
  });

  // A new verdict flashes once: on the result, and on the phone's result
  // bar (swapped out of band), which is always in sight. It is marked after
  // htmx has settled: settling puts back the attributes the old element had
  // while the new one was swapped in, a class added earlier with them. Each
  // flash counts on the body (data-verdict-changes) and marks the element
  // (data-verdict-changed), which stay after the animation ends.
  var verdictBefore = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var current = event.detail.target.querySelector("[data-testid=verdict]");
    verdictBefore = current ? current.getAttribute("data-verdict") : null;
  });
  document.addEventListener("htmx:afterSwap", function (event) {
    revealButtons(event.target);
    fillToday(event.target);
  });
  document.addEventListener("htmx:afterSettle", function () {
    if (verdictBefore === null) return;
    var before = verdictBefore;
    verdictBefore = null;
    var shown = [document.querySelector("#result [data-testid=verdict]"), document.getElementById("jump-to-result")];
    var changed = false;
    shown.forEach(function (e) {
      if (!e || e.getAttribute("data-verdict") === before) return;
      e.classList.add("verdict-changed");
      e.setAttribute("data-verdict-changed", before);
      changed = true;
    });
    if (changed) document.body.setAttribute("data-verdict-changes", String(Number(document.body.getAttribute("data-verdict-changes") || 0) + 1));
  });

  // A number field echoes its value in words as the reader types:
  // "300 million requests a month ≈ 114 requests a second". The server
  // writes the same words (components/echo.go, advisor.FormatRate) for the
  // value it renders.
  var secondsPerMonth = 730 * 3600;
  function grouped(v) { return Math.trunc(v).toLocaleString("en-US"); }
  function countWords(v) {
    if (v >= 1e9 && v % 1e7 === 0) return String(v / 1e9) + " billion";
    if (v >= 1e6 && v % 1e4 === 0) return String(v / 1e6) + " million";
    return grouped(v);
  }
  // rate mirrors advisor.FormatRate: whole from 10, two significant
  // figures below, in the largest period that keeps it at one or more.
  function rate(perSecond, piece) {
    var periods = [["a second", 1], ["a minute", 60], ["an hour", 3600], ["a day", 86400]];
    var i = 0;
    while (i < periods.length - 1 && perSecond > 0 && perSecond * periods[i][1] < 1) i++;
    var n = perSecond * periods[i][1];
    n = n >= 10 ? Math.round(n) : Number(n.toPrecision(2));
    return (n >= 1000 ? grouped(n) : String(n)) + " " + (n === 1 ? piece : piece + "s") + " " + periods[i][0];
  }
  // piece mirrors advisor.Entry.Piece: what the volume counts, as the
  // entry answer beside the field says (scenario B's "b.entry" beside
  // "b.requests" on the compare page).
  function piece(field) {
    var entry = field.form && field.form.elements[field.name.replace(/[^.]*$/, "entry")];
    var value = entry ? entry.value : "";
    return value === "schedule" ? "run" : value === "events" ? "event" : "request";
  }
  function echoText(key, value, unit, piece) {
    if (!/^\d+(\.\d+)?$/.test(value.trim())) return "";
    var v = Number(value);
    if (key === "requests") {
      return countWords(v) + " " + (v === 1 ? piece : piece + "s") + " a month ≈ " + rate(v / secondsPerMonth, piece);
    }
    return v < 1000 ? "" : grouped(v) + " " + unit;
  }
  function echo(field) {
    var shown = document.getElementById(field.getAttribute("data-echo"));
    if (shown) shown.textContent = echoText(field.getAttribute("data-echo-key"), field.value, field.getAttribute("data-echo-unit") || "", piece(field));
  }
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field.getAttribute && field.getAttribute("data-echo")) echo(field);
  });
  // A new entry renames what the volume beside it counts.
  document.addEventListener("change", function (event) {
    var field = event.target;
    if (!field.name || !/(^|\.)entry$/.test(field.name) || !field.form) return;
    var volume = field.form.elements[field.name.replace(/entry$/, "requests")];
    if (volume && volume.getAttribute && volume.getAttribute("data-echo")) echo(volume);
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
    revealExpanders(document);
    fillToday(document);
  });
})();
