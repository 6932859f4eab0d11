// treatywatch audit pages: the trend chart. The numbers come from the canvas's data-chart
// attribute (JSON the server wrote); the same numbers are in a table beside it, so the chart
// only adds a picture. Each line differs by dash and point shape too, not by colour alone.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const canvas = document.getElementById("audit-trend-chart");
  if (!canvas || typeof Chart === "undefined") return;
  let data;
  try {
    data = JSON.parse(canvas.dataset.chart);
  } catch (error) {
    return;
  }
  const looks = [
    { color: "#b3261e", dash: [], point: "crossRot" },
    { color: "#9a5b00", dash: [6, 4], point: "triangle" },
    { color: "#1f5fa8", dash: [2, 3], point: "rect" },
    { color: "#3d4450", dash: [10, 4, 2, 4], point: "circle" },
  ];
  const datasets = data.series.map((series, i) => {
    const look = looks[i % looks.length];
    return {
      label: series.label,
      data: series.data,
      borderColor: look.color,
      backgroundColor: look.color,
      borderDash: look.dash,
      pointStyle: look.point,
      pointRadius: 5,
      borderWidth: 2,
      tension: 0,
    };
  });
  const chart = new Chart(canvas, {
    type: "line",
    data: { labels: data.labels, datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { labels: { usePointStyle: true } } },
    },
  });
  canvas.dataset.rendered = String(chart.data.datasets.length);
});
