/* The frame's reader preferences: 适老化 (care) mode and text size, kept in localStorage.
   Loaded in <head> without defer so the preferences apply before the first paint (no flash). */
(function () {
  "use strict";
  var root = document.documentElement;
  var CARE = "gongkai.care-mode";
  var SIZE = "gongkai.font-size";

  function read(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }
  function write(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, value); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }
  function applyCare(on) { root.classList.toggle("care-mode", on); }
  function applySize(size) { root.setAttribute("data-font-size", size || "medium"); }

  applyCare(read(CARE) === "on");
  applySize(read(SIZE));

  function syncButtons() {
    var care = root.classList.contains("care-mode");
    document.querySelectorAll("[data-care-toggle]").forEach(function (button) {
      button.setAttribute("aria-pressed", care ? "true" : "false");
      button.textContent = care ? button.getAttribute("data-label-off") : button.getAttribute("data-label-on");
    });
    var size = root.getAttribute("data-font-size");
    document.querySelectorAll("[data-font-size]").forEach(function (button) {
      if (button !== root) { button.setAttribute("aria-pressed", button.getAttribute("data-font-size") === size ? "true" : "false"); }
    });
  }

  function closePage() {
    window.close();
    // Browsers close only windows a script opened; otherwise go back, or home.
    window.setTimeout(function () {
      if (window.history.length > 1) { window.history.back(); } else { window.location.href = "/"; }
    }, 100);
  }

  function copyLink(button) {
    var input = document.getElementById("share-link");
    var status = button.parentNode.querySelector(".copy-status");
    var done = function () { if (status) { status.textContent = status.getAttribute("data-copied"); } };
    input.select();
    // execCommand works over plain http too; the asynchronous API is the fallback where it is gone.
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (e) { copied = false; }
    if (copied) {
      done();
    } else if (navigator.clipboard) {
      navigator.clipboard.writeText(input.value).then(done);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-needs-script]").forEach(function (element) { element.hidden = false; });
    // Open without scripts (nothing hidden for good); folded on a phone, where it would push the list down.
    if (window.matchMedia("(max-width: 800px)").matches) {
      document.querySelectorAll("details[data-collapse-on-phone]").forEach(function (details) { details.open = false; });
    }
    syncButtons();
    document.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-care-toggle")) {
        var on = !root.classList.contains("care-mode");
        applyCare(on);
        write(CARE, on ? "on" : null);
      } else if (button.hasAttribute("data-font-size")) {
        var size = button.getAttribute("data-font-size");
        applySize(size);
        write(SIZE, size === "medium" ? null : size);
      } else if (button.getAttribute("data-page-action") === "print") {
        window.print();
      } else if (button.getAttribute("data-page-action") === "close") {
        closePage();
      } else if (button.getAttribute("data-page-action") === "copy-link") {
        copyLink(button);
      } else {
        return;
      }
      syncButtons();
    });
  });
})();
