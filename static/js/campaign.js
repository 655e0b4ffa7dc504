// Campaign pages. No inline scripts: the content security policy forbids them; data
// comes from <script type="application/json"> blocks written with json_script.
(function () {
  "use strict";

  var STATUS_COLOURS = {
    planned: "#6c757d",
    in_progress: "#0d6efd",
    done: "#198754",
    cancelled: "#212529"
  };

  function drawPlanChart() {
    var canvas = document.getElementById("plan-chart");
    var source = document.getElementById("plan-chart-data");
    if (!canvas || !source || typeof window.Chart === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    new window.Chart(canvas, {
      type: "bar",
      data: {
        labels: data.labels,
        datasets: data.datasets.map(function (dataset) {
          return {
            label: dataset.label,
            data: dataset.data,
            backgroundColor: STATUS_COLOURS[dataset.key] || "#adb5bd"
          };
        })
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }
        },
        plugins: { legend: { position: "bottom" } }
      }
    });
    canvas.setAttribute("data-drawn", "true");
  }

  drawPlanChart();
})();
