// The live page: polls the session's feed (since-id + ETag), asks questions, votes.
(function () {
  "use strict";
  var root = document.getElementById("interview");
  if (!root) return;
  var feedUrl = root.dataset.feedUrl;
  var cursor = parseInt(root.dataset.cursor || "0", 10);
  var etag = null;
  var status = root.dataset.status;
  var finalStatus = root.dataset.finalStatus; // no news follows it: polling stops
  var every = (parseInt(root.dataset.pollSeconds, 10) || 2) * 1000;
  var transcript = document.getElementById("transcript");
  var questions = document.getElementById("questions");
  var votesOn = questions && questions.dataset.votes === "1";

  function csrf() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return match ? decodeURIComponent(match[1]) : field ? field.value : "";
  }

  function fill(node, selector, text) {
    var target = node.querySelector(selector);
    if (target) target.textContent = text;
  }

  function showEntry(entry) {
    if (transcript.querySelector('[data-id="' + entry.id + '"]')) return;
    var node = document.getElementById("entry-template").content.firstElementChild.cloneNode(true);
    node.dataset.id = entry.id;
    node.classList.add("entry-" + entry.speaker);
    fill(node, ".speaker", entry.speaker_name);
    fill(node, ".text", entry.text);
    if (entry.question) {
      node.querySelector(".entry-question").hidden = false;
      fill(node, ".asker", entry.question.nickname);
      fill(node, ".question-text", entry.question.text);
    }
    if (entry.image) {
      var image = node.querySelector(".entry-image");
      image.src = entry.image;
      image.hidden = false;
    }
    // An answer given on another day (a 补录 reply) says which day.
    var day = entry.at.slice(0, 10);
    fill(node, ".entry-time", day === root.dataset.day ? entry.at.slice(11, 16) : day + " " + entry.at.slice(11, 16));
    transcript.appendChild(node);
    var empty = document.getElementById("transcript-empty");
    if (empty) empty.remove();
  }

  function showQuestion(question) {
    var node = questions.querySelector('[data-id="' + question.id + '"]');
    if (!node) {
      node = document.getElementById("question-template").content.firstElementChild.cloneNode(true);
      node.dataset.id = question.id;
      node.dataset.time = Date.parse(question.asked_at) / 1000;
      questions.insertBefore(node, questions.firstChild);
      var button = node.querySelector(".vote");
      if (votesOn) {
        button.hidden = false;
        button.dataset.url = feedUrl.replace(/live\/$/, "questions/" + question.id + "/vote/");
      }
    }
    node.dataset.votes = question.votes;
    fill(node, ".asker", question.nickname);
    fill(node, ".question-text", question.text);
    fill(node, ".votes", question.votes);
    var badge = node.querySelector(".answered-badge");
    if (badge) badge.hidden = !question.answered;
  }

  function apply(data) {
    cursor = data.cursor;
    if (data.status !== status) {
      status = data.status;
      root.dataset.status = status;
      var label = document.getElementById("interview-status");
      label.textContent = data.status_label;
      label.className = "status status-" + status;
    }
    data.entries.forEach(showEntry);
    data.questions.forEach(showQuestion);
    data.withdrawn_questions.forEach(function (id) {
      var node = questions.querySelector('[data-id="' + id + '"]');
      if (node) node.remove();
    });
  }

  function poll() {
    var headers = { Accept: "application/json" };
    if (etag) headers["If-None-Match"] = etag;
    fetch(feedUrl + "?since=" + cursor, { headers: headers, cache: "no-store" })
      .then(function (response) {
        if (response.status === 304) return null;
        if (!response.ok) throw new Error(response.status);
        etag = response.headers.get("ETag");
        return response.json();
      })
      .then(function (data) {
        if (data) apply(data);
      })
      .catch(function () {})
      .then(function () {
        if (status !== finalStatus) window.setTimeout(poll, every);
      });
  }

  var form = document.getElementById("ask");
  if (form) {
    var key = form.querySelector("input[name=submission_key]");
    var result = document.getElementById("ask-result");
    var newKey = function () {
      return window.crypto && crypto.randomUUID ? crypto.randomUUID() : "";
    };
    key.value = newKey();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { Accept: "application/json", "X-CSRFToken": csrf() },
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { ok: response.ok, data: data };
          });
        })
        .then(function (reply) {
          result.textContent = reply.ok ? reply.data.message : reply.data.error;
          result.className = "ask-result " + (reply.ok ? "accepted" : "refused");
          if (reply.ok) {
            form.querySelector("textarea[name=text]").value = "";
            key.value = newKey();
          }
        })
        .catch(function () {
          // Nothing is lost: the text stays and a retry reuses the same submission key.
          result.textContent = form.dataset.networkError;
          result.className = "ask-result refused";
        })
        .then(function () {
          button.disabled = false;
        });
    });
  }

  if (questions) {
    questions.addEventListener("click", function (event) {
      var button = event.target.closest(".vote");
      if (!button || button.disabled) return;
      button.disabled = true;
      fetch(button.dataset.url, { method: "POST", headers: { "X-CSRFToken": csrf() } })
        .then(function (response) {
          return response.json();
        })
        .then(function (data) {
          if (data.votes !== undefined) {
            fill(button, ".votes", data.votes);
            button.closest(".question").dataset.votes = data.votes;
          }
        });
    });
    var sorter = document.getElementById("question-sort");
    sorter.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-sort]");
      if (!button) return;
      var field = button.dataset.sort === "votes" ? "votes" : "time";
      sorter.querySelectorAll("button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
      Array.from(questions.children)
        .sort(function (a, b) {
          return parseFloat(b.dataset[field]) - parseFloat(a.dataset[field]);
        })
        .forEach(function (node) {
          questions.appendChild(node);
        });
    });
  }

  if (status !== finalStatus) window.setTimeout(poll, every);
})();
