// The live console: one screen for host, text editor and reviewer, refreshed by polling.
(function () {
  "use strict";
  var root = document.getElementById("console");
  if (!root) return;
  var labels = root.dataset;
  var every = (parseInt(root.dataset.pollSeconds, 10) || 2) * 1000;
  var base = root.dataset.baseUrl;
  var form = document.getElementById("entry-form");
  var questionSelect = document.getElementById("entry-question");
  var errorBox = document.getElementById("console-error");

  function csrf() {
    return form.querySelector("input[name=csrfmiddlewaretoken]").value;
  }

  function post(url, body) {
    return fetch(url, { method: "POST", body: body || new FormData(), headers: { "X-CSRFToken": csrf(), Accept: "application/json" } })
      .then(function (response) {
        return response.json().then(function (data) {
          errorBox.textContent = response.ok ? "" : data.error || String(response.status);
          return data;
        });
      })
      .then(refresh);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function button(label, handler, className) {
    var node = el("button", "button button-small " + (className || ""), label);
    node.type = "button";
    node.addEventListener("click", handler);
    return node;
  }

  function moderate(question, action, text) {
    var body = new FormData();
    if (text !== undefined) body.append("text", text);
    return post(base + "questions/" + question.id + "/" + action + "/", body);
  }

  function questionItem(question, pending) {
    var item = el("li", "console-question");
    item.dataset.id = question.id;
    var head = el("p", "meta", question.asked_at + " · " + question.nickname + " · " + question.receipt + (question.votes ? " · ▲" + question.votes : ""));
    item.appendChild(head);
    item.appendChild(el("p", "text", question.public_text));
    if (question.contact) item.appendChild(el("p", "contact", labels.labelContact + "：" + question.contact));
    if (pending && question.count > 1) {
      // Identical questions wait as one row: one decision for all who asked it.
      item.appendChild(el("p", "asked-by-many", question.count_label));
      var askers = el("ul", "askers");
      question.askers.slice(1).forEach(function (asker) {
        var line = asker.asked_at + " · " + asker.nickname + " · " + asker.receipt;
        askers.appendChild(el("li", "", asker.contact ? line + " · " + labels.labelContact + "：" + asker.contact : line));
      });
      item.appendChild(askers);
    }
    if (pending && question.same_as) item.appendChild(el("p", "same-as", labels.labelSameAs));
    var actions = el("p", "actions");
    if (pending) {
      actions.appendChild(button(labels.labelApprove, function () { moderate(question, "approve"); }, "approve"));
      actions.appendChild(button(labels.labelEdit, function () {
        var edited = window.prompt(labels.labelEdit, question.public_text);
        if (edited !== null) moderate(question, "approve", edited);
      }, "edit"));
    } else {
      actions.appendChild(button(labels.labelAnswer, function () {
        questionSelect.value = String(question.id);
        document.getElementById("entry-text").focus();
      }, "answer"));
    }
    actions.appendChild(button(question.pinned ? labels.labelUnpin : labels.labelPin, function () {
      moderate(question, question.pinned ? "unpin" : "pin");
    }));
    actions.appendChild(button(labels.labelReject, function () { moderate(question, "reject"); }, "no reject"));
    item.appendChild(actions);
    return item;
  }

  function entryItem(entry, held) {
    var item = el("li", "console-entry");
    item.dataset.id = entry.id;
    if (entry.question_text) item.appendChild(el("p", "quoted", entry.question_text));
    item.appendChild(el("p", "text", entry.posted_at + " " + entry.speaker_name + "：" + entry.text));
    if (entry.image) {
      var image = el("img");
      image.src = entry.image;
      image.alt = "";
      item.appendChild(image);
    }
    if (entry.follow_up) item.appendChild(el("span", "w-status", labels.labelFollowUp));
    if (held && labels.mayRelease === "1") {
      var actions = el("p", "actions");
      actions.appendChild(button(labels.labelRelease, function () { post(base + "entries/" + entry.id + "/release/"); }, "release"));
      actions.appendChild(button(labels.labelDiscard, function () { post(base + "entries/" + entry.id + "/discard/"); }, "no"));
      item.appendChild(actions);
    } else if (held) {
      item.appendChild(el("span", "w-status", labels.labelHeld));
    }
    return item;
  }

  function replace(listId, items) {
    var list = document.getElementById(listId);
    list.replaceChildren.apply(list, items);
  }

  function render(state) {
    document.getElementById("console-status").textContent = state.status_label;
    document.getElementById("pending-count").textContent = state.pending.length;
    replace("pending", state.pending.map(function (q) { return questionItem(q, true); }));
    replace("approved", state.approved.map(function (q) { return questionItem(q, false); }));
    replace("held", state.held.map(function (e) { return entryItem(e, true); }));
    replace("transcript", state.transcript.slice().reverse().map(function (e) { return entryItem(e, false); }));
    var chosen = questionSelect.value;
    var options = [new Option("—", "")].concat(state.approved.concat(state.answered).map(function (q) {
      return new Option(q.nickname + "：" + q.public_text.slice(0, 40), String(q.id));
    }));
    questionSelect.replaceChildren.apply(questionSelect, options);
    questionSelect.value = chosen;
  }

  function refresh() {
    return fetch(root.dataset.stateUrl, { headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(render)
      .catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var choice = form.elements.speaker_choice.value.split(":");
    form.elements.speaker.value = choice[0];
    form.elements.guest.value = choice[1];
    post(form.action, new FormData(form)).then(function () {
      if (!errorBox.textContent) {
        form.elements.text.value = "";
        form.elements.image.value = "";
        questionSelect.value = "";
      }
    });
  });

  refresh();
  window.setInterval(refresh, every);
})();
