// As-you-type suggestions for the search box: hot queries and matching titles from /api/search/suggest/.
(function () {
  "use strict";
  var input = document.getElementById("search-q");
  var list = document.getElementById("search-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var latest = 0;

  function hide() { list.hidden = true; list.innerHTML = ""; }

  function show(items) {
    list.innerHTML = "";
    items.forEach(function (text) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      var link = document.createElement("a");
      link.href = input.form.action + "?q=" + encodeURIComponent(text);
      link.textContent = text;
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = items.length === 0;
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (!text) { hide(); return; }
    timer = setTimeout(function () {
      var ticket = ++latest;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (ticket === latest) show(data.suggestions || []); })
        .catch(hide);
    }, 200);
  });
  input.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  document.addEventListener("click", function (event) { if (!input.form.contains(event.target)) hide(); });
})();
