// The application form, enhanced: show only the applicant's own identity fields, and offer
// published catalogue items matching what is typed ("已主动公开？"). Without it, the form works as is.
(function () {
  "use strict";
  var form = document.querySelector("form.request-form[data-suggest-url]");
  if (!form) return;

  // Natural person or organisation: the other group's fields are hidden, not lost.
  var groups = form.querySelectorAll("[data-applicant]");
  var categories = form.querySelectorAll("input[name=category]");
  function showApplicantGroup() {
    var chosen = form.querySelector("input[name=category]:checked");
    groups.forEach(function (group) {
      group.hidden = Boolean(chosen) && group.getAttribute("data-applicant") !== chosen.value;
    });
  }
  categories.forEach(function (radio) { radio.addEventListener("change", showApplicantGroup); });
  showApplicantGroup();

  // Already published? Ask the page for its agency's public items while the applicant types.
  var box = document.getElementById("already-public");
  var description = form.querySelector("[name=description]");
  var reference = form.querySelector("[name=reference]");
  if (!box || !description || !window.fetch) return;
  var list = box.querySelector("ul");
  var timer = null;
  var latest = 0;

  function show(items) {
    list.innerHTML = "";
    items.forEach(function (item) {
      var entry = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.title;
      link.target = "_blank";
      link.rel = "noopener";
      entry.appendChild(link);
      var meta = [item.doc_number, item.index_number, item.published].filter(Boolean).join(" · ");
      if (meta) {
        var small = document.createElement("span");
        small.className = "meta";
        small.textContent = " " + meta;
        entry.appendChild(small);
      }
      list.appendChild(entry);
    });
    box.hidden = items.length === 0;
  }

  function ask() {
    var text = description.value.trim();
    var ref = reference ? reference.value.trim() : "";
    if (text.length < 2 && ref.length < 2) { show([]); return; }
    var ticket = ++latest;
    var url = form.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text.slice(0, 1000)) +
      "&reference=" + encodeURIComponent(ref.slice(0, 200));
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (data) { if (ticket === latest) show(data.items || []); })
      .catch(function () { if (ticket === latest) show([]); });
  }

  function later() { clearTimeout(timer); timer = setTimeout(ask, 400); }
  description.addEventListener("input", later);
  if (reference) reference.addEventListener("input", later);
  if (description.value || (reference && reference.value)) ask();
})();
