// The staff dashboard's charts (Chart.js), drawn from the report the page was rendered with
// (json_script "report-charts"). The same numbers are in the page's tables: without JavaScript nothing is lost.
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("report-charts");
    if (!source || typeof Chart === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var words = data.words;
    var blue = "#1f4e8c", green = "#2e7d32", teal = "#00897b", red = "#c62828", grey = "#9e9e9e";
    var trend = document.getElementById("chart-trend");
    if (trend) {
      new Chart(trend, {
        type: "bar",
        data: {
          labels: data.months.labels,
          datasets: [
            { type: "line", label: words.received, data: data.months.received, borderColor: blue, backgroundColor: blue },
            { label: words.early, data: data.months.early, backgroundColor: green, stack: "resolved" },
            { label: words.on_time, data: data.months.on_time, backgroundColor: teal, stack: "resolved" },
            { label: words.late, data: data.months.late, backgroundColor: red, stack: "resolved" }
          ]
        },
        options: { responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
      });
    }
    var agencies = document.getElementById("chart-agencies");
    if (agencies) {
      new Chart(agencies, {
        type: "bar",
        data: { labels: data.agencies.labels, datasets: [{ label: words.rate, data: data.agencies.rates, backgroundColor: teal }] },
        options: { indexAxis: "y", responsive: true, scales: { x: { min: 0, max: 100 } } }
      });
    }
    var online = document.getElementById("chart-online");
    if (online) {
      new Chart(online, {
        type: "doughnut",
        data: {
          labels: [words.online, words.direct_postal],
          datasets: [{ data: [data.online.online, data.online.direct_postal], backgroundColor: [blue, grey] }]
        },
        options: { responsive: true, plugins: { legend: { position: "bottom" } } }
      });
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();
