// onrecord pages: the tooltip of a highlighted attribution (on hover and on keyboard
// focus), built by copying that attribution's details from the "Who said what" list, so
// no text is ever parsed as HTML here. Everything else on the site works without script.
"use strict";
(function () {
  function tip() {
    return document.getElementById("tip");
  }

  function pieces(n) {
    return document.querySelectorAll('.article-text [data-a="' + n + '"]');
  }

  function show(el) {
    var box = tip();
    var entry = document.getElementById("attr-" + el.dataset.a);
    if (!box || !entry) return;
    var details = entry.querySelector(".details");
    box.replaceChildren(details.cloneNode(true));
    box.hidden = false;
    var rect = el.getBoundingClientRect();
    var top = window.scrollY + rect.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8));
    box.style.top = top + "px";
    box.style.left = left + "px";
    pieces(el.dataset.a).forEach(function (p) { p.classList.add("active"); });
    entry.classList.add("active");
  }

  function hide() {
    var box = tip();
    if (box) box.hidden = true;
    document.querySelectorAll(".active").forEach(function (p) { p.classList.remove("active"); });
  }

  function target(event) {
    var el = event.target;
    return el && el.closest ? el.closest(".article-text .hl[data-a]") : null;
  }

  document.addEventListener("DOMContentLoaded", function () {
    // The script's tooltip replaces the browser's own (the title attribute).
    document.querySelectorAll(".article-text .hl[title]").forEach(function (p) {
      p.removeAttribute("title");
    });
    document.addEventListener("mouseover", function (e) { var el = target(e); if (el) show(el); });
    document.addEventListener("mouseout", function (e) { if (target(e)) hide(); });
    document.addEventListener("focusin", function (e) { var el = target(e); if (el) show(el); else hide(); });
    document.addEventListener("focusout", function (e) { if (target(e)) hide(); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  });
})();
