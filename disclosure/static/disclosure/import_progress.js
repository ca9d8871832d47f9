// 导入目录: the page of a running import follows its progress, then reloads to show the result
// (finished, or failed — also when the worker died: the server's sweep fails a stalled job).
(function () {
  "use strict";
  var box = document.querySelector("[data-import-progress]");
  if (!box) return;
  var bar = box.querySelector("progress");
  var text = box.querySelector("[data-import-progress-text]");

  function poll() {
    fetch(box.dataset.statusUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (response.status >= 400 && response.status < 500) return null; // gone or no longer ours: stop
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (status) {
        if (status === null) return;
        if (status.state === "failed" || !status.in_progress) {
          window.location.reload();
          return;
        }
        bar.max = Math.max(status.total_rows, 1);
        bar.value = status.rows_done;
        bar.textContent = text.textContent = status.progress_text;
        window.setTimeout(poll, 2000);
      })
      .catch(function () {
        window.setTimeout(poll, 5000);
      });
  }

  window.setTimeout(poll, 1000);
})();
