// A lab's submissions page: while a regrade runs, polls its progress, moves the bar, and reloads the table once
// every submission has been graded again.
(function () {
  'use strict';
  var section = document.getElementById('regrade');
  if (!section || section.dataset.finished === 'true') {
    return;
  }
  function poll() {
    fetch(section.dataset.url, {credentials: 'same-origin', cache: 'no-store'})
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (progress) {
        if (!progress) {
          return;
        }
        document.getElementById('regrade-done').textContent = progress.done;
        document.getElementById('regrade-bar').value = progress.done;
        if (progress.finished) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 2000);
        }
      })
      .catch(function () { window.setTimeout(poll, 5000); });
  }
  window.setTimeout(poll, 2000);
}());
