// The submission page: polls the state until graded, showing the stage, a progress bar and the loss curves as
// they grow; then reloads once to show the report, whose curves it draws.
(function () {
  'use strict';
  var section = document.getElementById('state');
  var state = JSON.parse(section.dataset.state);
  var colors = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00'];
  var liveChart = null;

  function finished(status) { return status === 'GRADED' || status === 'FAILED'; }

  // Diverged values arrive as the strings "NaN" or "Infinity"; the charts leave a gap for them.
  function finite(value) {
    var number = Number(value);
    return value !== null && isFinite(number) ? number : null;
  }

  function series(name, epochs, key, label, dashed, color) {
    return {label: name + ' ' + label, borderColor: color, backgroundColor: color, borderDash: dashed ? [6, 4] : [],
      pointRadius: 0, data: epochs.map(function (e) { return {x: e.epoch, y: finite(e[key])}; })};
  }

  function lossSeries(runs) {
    var datasets = [];
    Object.keys(runs).sort().forEach(function (name, i) {
      var color = colors[i % colors.length];
      datasets.push(series(name, runs[name], 'trainingLoss', 'training loss', false, color));
      datasets.push(series(name, runs[name], 'validationLoss', 'validation loss', true, color));
    });
    return datasets;
  }

  function chart(canvas, datasets, yLabel, logarithmic, maxEpoch) {
    return new Chart(canvas, {
      type: 'line',
      data: {datasets: datasets},
      options: {
        parsing: false, animation: false, responsive: true,
        scales: {
          x: {type: 'linear', min: 1, max: maxEpoch || undefined, title: {display: true, text: 'epoch'}},
          y: {type: logarithmic ? 'logarithmic' : 'linear', title: {display: true, text: yLabel}}
        },
        plugins: {legend: {position: 'bottom'}}
      }
    });
  }

  function describe(next) {
    return next.status.toLowerCase()
      + (next.status === 'GRADING' && next.progress ? ': ' + next.progress : '')
      + (next.status === 'QUEUED' && next.position > 0 ? ' (' + next.position + ' ahead in the queue)' : '');
  }

  function showProgress(live) {
    var bar = document.getElementById('busy');
    if (!bar || !live || !live.epochs || !live.runs.length) { return; }
    var done = live.runs.reduce(function (sum, run) {
      return sum + (live.curves[run] ? live.curves[run].length : 0);
    }, 0);
    bar.max = live.runs.length * live.epochs;
    bar.value = Math.min(done, bar.max);
    bar.setAttribute('aria-valuetext', done + ' of ' + bar.max + ' epochs trained');
  }

  function showCurves(live) {
    if (!live || typeof Chart === 'undefined' || !Object.keys(live.curves).length) { return; }
    var figure = document.getElementById('live');
    figure.hidden = false;
    if (liveChart === null) {
      liveChart = chart(document.getElementById('live-chart'), lossSeries(live.curves), 'loss (cross-entropy)',
        false, live.epochs);
    } else {
      liveChart.data.datasets = lossSeries(live.curves);
      liveChart.update();
    }
    document.body.dataset.livePoints = String(Object.keys(live.curves).reduce(function (sum, run) {
      return sum + live.curves[run].length;
    }, 0));
  }

  function show(next) {
    var position = document.getElementById('position');
    if (position) { position.remove(); }
    document.getElementById('status').textContent = describe(next);
    showProgress(next.live);
    showCurves(next.live);
  }

  function poll() {
    fetch(section.dataset.statusUrl, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (next) {
        show(next);
        if (finished(next.status)) {
          window.location.reload();
        } else {
          window.setTimeout(poll, 1000);
        }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  function drawReport() {
    var loss = document.getElementById('loss-chart'), rate = document.getElementById('lr-chart');
    if (!loss || typeof Chart === 'undefined') { return; }
    var runs = {}, rates = [], accuracies = [];
    Object.keys(state.runs).forEach(function (name) { runs[name] = state.runs[name].epochs; });
    Object.keys(runs).sort().forEach(function (name, i) {
      var color = colors[i % colors.length];
      rates.push(series(name, runs[name], 'learningRate', 'learning rate', false, color));
      accuracies.push(series(name, runs[name], 'validationAccuracy', 'validation accuracy', true, color));
    });
    var drawn = lossSeries(runs);
    chart(loss, drawn, 'loss (cross-entropy)', false);
    chart(document.getElementById('accuracy-chart'), accuracies, 'validation accuracy', false);
    chart(rate, rates, 'learning rate', true);
    document.body.dataset.chartsDrawn = String(drawn.length);
  }

  if (finished(state.status)) {
    drawReport();
  } else {
    show(state);
    window.setTimeout(poll, 1000);
  }
}());
