// Charts from the page's own JSON (<script type="application/json" id="chart-data">) with the bundled plotly.
(function () {
  "use strict";
  var el = document.getElementById("chart");
  var holder = document.getElementById("chart-data");
  if (!el || !holder || typeof Plotly === "undefined") { return; }
  var data = JSON.parse(holder.textContent);
  var config = { displaylogo: false, responsive: true };
  if (data.kind === "timeline") {
    var traces = data.series.map(function (s) {
      return { type: "bar", name: s.type, x: data.years, y: s.counts };
    });
    Plotly.newPlot(el, traces, {
      barmode: "stack", margin: { t: 20, r: 10, b: 40, l: 40 },
      xaxis: { title: { text: "year" }, dtick: 1 }, yaxis: { title: { text: "facts" } },
      legend: { orientation: "h" }
    }, config);
    el.on("plotly_click", function (ev) {
      var p = ev.points && ev.points[0];
      if (!p) { return; }
      var type = data.series[p.curveNumber].type;
      window.location.href = "/facts?from=" + p.x + "&to=" + p.x + "&type=" + encodeURIComponent(type);
    });
  } else if (data.kind === "sankey") {
    var links = data.bands;
    Plotly.newPlot(el, [{
      type: "sankey", arrangement: "snap",
      node: { label: data.nodes.map(function (n) { return n.label; }), pad: 14, thickness: 16 },
      link: {
        source: links.map(function (b) { return b.source; }),
        target: links.map(function (b) { return b.target; }),
        value: links.map(function (b) { return b.count; }),
        customdata: links.map(function (b) { return b.url; }),
        hovertemplate: "%{source.label} → %{target.label}: %{value} persons<extra></extra>"
      }
    }], { margin: { t: 10, r: 10, b: 10, l: 10 } }, config);
    el.on("plotly_click", function (ev) {
      var p = ev.points && ev.points[0];
      if (p && p.customdata && typeof p.customdata === "string" && p.customdata.charAt(0) === "/") {
        window.location.href = p.customdata;
      }
    });
  }
}());
