// The submission page: polls the state until graded, then reloads once to show the report; draws the curves.
(function () {
  'use strict';
  var state = JSON.parse(document.getElementById('state-json').textContent);
  var section = document.getElementById('state');
  var colors = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00'];

  function finished(status) { return status === 'GRADED' || status === 'FAILED'; }

  function poll() {
    fetch(section.dataset.statusUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (next) {
        document.getElementById('status').textContent = next.status.toLowerCase()
          + (next.status === 'GRADING' && next.progress ? ': ' + next.progress : '')
          + (next.status === 'QUEUED' && next.position > 0 ? ' (' + next.position + ' ahead in the queue)' : '');
        if (finished(next.status)) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  function chart(id, datasets, yLabel, logarithmic) {
    var canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') { return; }
    new Chart(canvas, {
      type: 'line',
      data: {datasets: datasets},
      options: {
        parsing: false, animation: false, responsive: true,
        scales: {
          x: {type: 'linear', title: {display: true, text: 'epoch'}},
          y: {type: logarithmic ? 'logarithmic' : 'linear', title: {display: true, text: yLabel}}
        },
        plugins: {legend: {position: 'bottom'}}
      }
    });
  }

  function drawCurves() {
    var loss = [], rate = [], i = 0;
    Object.keys(state.runs).sort().forEach(function (name) {
      var epochs = state.runs[name].epochs, color = colors[i++ % colors.length];
      function series(label, key, dashed) {
        return {label: label, borderColor: color, backgroundColor: color, borderDash: dashed ? [6, 4] : [],
          pointRadius: 0, data: epochs.map(function (e) { return {x: e.epoch, y: e[key]}; })};
      }
      loss.push(series(name + ' training loss', 'trainingLoss', false));
      loss.push(series(name + ' validation loss', 'validationLoss', true));
      rate.push(series(name + ' learning rate', 'learningRate', false));
    });
    chart('loss-chart', loss, 'loss (cross-entropy)', false);
    chart('lr-chart', rate, 'learning rate', true);
    document.body.dataset.chartsDrawn = String(loss.length);
  }

  if (finished(state.status)) {
    drawCurves();
  } else {
    window.setTimeout(poll, 1000);
  }
}());
