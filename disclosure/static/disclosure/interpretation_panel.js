// Shows the 政策解读 panel (本解读对应的政策文件) while the item's genre or category makes it a 解读.
// The server renders the panel hidden or shown; this follows the editor's later choices, and keeps
// a hidden panel out of Wagtail's minimap (which lists every [data-panel-anchor] it finds).
(function () {
  "use strict";

  var ANCHOR = "data-panel-anchor";
  var PARKED = "data-interpretation-parked-anchor";

  function ids(panel, name) {
    try {
      return JSON.parse(panel.getAttribute(name) || "[]");
    } catch (error) {
      return [];
    }
  }

  function moveAttribute(panel, from, to) {
    panel.querySelectorAll("[" + from + "]").forEach(function (element) {
      element.setAttribute(to, element.getAttribute(from));
      element.removeAttribute(from);
    });
  }

  function syncMinimap(panel) {
    if (panel.hidden) {
      moveAttribute(panel, ANCHOR, PARKED);
    } else {
      moveAttribute(panel, PARKED, ANCHOR);
    }
    document.dispatchEvent(new CustomEvent("wagtail:panel-init"));
  }

  function setUp() {
    var panel = document.querySelector("[data-interpretation-panel]");
    if (!panel) {
      return;
    }
    var genres = ids(panel, "data-interpretation-genres");
    var categories = ids(panel, "data-interpretation-categories");
    var genre = document.getElementById("id_genre");
    var category = document.getElementById("id_category");

    function update() {
      var marked =
        (genre !== null && genres.indexOf(genre.value) !== -1) ||
        (category !== null && categories.indexOf(category.value) !== -1);
      panel.hidden = !marked;
      syncMinimap(panel);
    }

    [genre, category].forEach(function (select) {
      if (select !== null) {
        select.addEventListener("change", update);
      }
    });
    syncMinimap(panel);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
