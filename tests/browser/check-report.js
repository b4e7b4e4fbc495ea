// Run inside a copy of the report page by check-report, with the report's own report.json
// (#check-report-json) and the canonical ids of the data files (#check-ids) beside it. Writes
// what it finds into <body data-check="...">: "ok", or the first failures.
(function () {
  var fails = [];
  function fail(m) { if (fails.length < 12) fails.push(m); }
  var report = JSON.parse(document.getElementById('check-report-json').textContent);
  var ids = JSON.parse(document.getElementById('check-ids').textContent);
  var claims = report.claims;

  // The summary is the first section, before any chart.
  var sections = document.querySelectorAll('section');
  if (!sections.length || sections[0].id !== 'summary') fail('the first section is not the summary');
  var firstChart = document.querySelector('svg.chart');
  if (firstChart && !(sections[0].compareDocumentPosition(firstChart) & Node.DOCUMENT_POSITION_FOLLOWING))
    fail('a chart before the summary');

  // Every chart's points are its figures: the same claims as report.json says, each mark where
  // its value and date put it on the chart's axes.
  function days(iso) {
    var p = iso.split('-').map(Number);
    if (p.length === 3) { var d = Date.UTC(p[0], p[1] - 1, p[2]) / 864e5; return [d, d]; }
    if (p.length === 2) return [Date.UTC(p[0], p[1] - 1, 1) / 864e5, Date.UTC(p[0], p[1], 0) / 864e5];
    return [Date.UTC(p[0], 0, 1) / 864e5, Date.UTC(p[0], 11, 31) / 864e5];
  }
  function midDay(date) { var r = date.split('/'); return (days(r[0])[0] + days(r[r.length - 1])[1]) / 2; }
  function finite(v) { return v === null || v === undefined || isFinite(v); }
  function plotted(c) {
    return c.kind === 'figure' && c.metric && c.date && !c.hypothetical && c.value &&
      (c.value.low !== null || c.value.high !== null) && finite(c.value.low) && finite(c.value.high);
  }
  function key(c) { return 'chart-' + (c.actor || 'unknown') + '-' + c.metric + (c.phase ? '-' + c.phase : ''); }
  function num(s) { return s === '' || s === null ? null : Number(s); }
  var shown = 0;
  Array.prototype.forEach.call(document.querySelectorAll('figure.timeline'), function (fig) {
    var svg = fig.querySelector('svg.chart'), a = function (n) { return Number(svg.getAttribute('data-' + n)); };
    var expected = [];
    claims.forEach(function (c, i) { if (plotted(c) && key(c) === fig.id) expected.push(i); });
    var points = fig.querySelectorAll('.point');
    var got = Array.prototype.map.call(points, function (p) { return Number(p.getAttribute('data-claim')); }).sort(function (x, y) { return x - y; });
    if (got.join(',') !== expected.join(',')) fail(fig.id + ': points ' + got.join(',') + ' but figures ' + expected.join(','));
    shown += points.length;
    Array.prototype.forEach.call(points, function (p) {
      var c = claims[Number(p.getAttribute('data-claim'))], v = c.value, at = fig.id + ' claim ' + p.getAttribute('data-claim');
      if (num(p.getAttribute('data-low')) !== v.low || num(p.getAttribute('data-high')) !== v.high) fail(at + ': value');
      var value = Number(p.getAttribute('data-value'));
      var lo = v.low === null ? v.high : v.low, hi = v.high === null ? v.low : v.high;
      if (!(value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9))) fail(at + ': mark outside its value');
      var t = a('log') ? (Math.log10(Math.min(Math.max(value, a('v0')), a('v1'))) - Math.log10(a('v0'))) / (Math.log10(a('v1')) - Math.log10(a('v0')))
                       : (Math.min(value, a('v1')) - a('v0')) / (a('v1') - a('v0'));
      var mark = p.querySelector('circle.mark');
      var y = a('y0') - t * (a('y0') - a('y1')), x = a('x0') + (midDay(c.date) - a('d0')) / (a('d1') - a('d0')) * (a('x1') - a('x0'));
      if (Math.abs(Number(mark.getAttribute('cy')) - y) > 0.6) fail(at + ': drawn at y ' + mark.getAttribute('cy') + ', not ' + y.toFixed(1));
      if (Math.abs(Number(mark.getAttribute('cx')) - x) > 0.6) fail(at + ': drawn at x ' + mark.getAttribute('cx') + ', not ' + x.toFixed(1));
    });
  });
  // Every other figure is in a small table.
  var rows = document.querySelectorAll('#other-figures tbody tr').length;
  var figures = claims.filter(plotted).length;
  if (shown + rows !== figures) fail(shown + ' points and ' + rows + ' table rows for ' + figures + ' figures');

  // Provenance one click away: a point opens its quote with the figure marked.
  var first = document.querySelector('.point');
  if (first) {
    first.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    var detail = first.closest('figure').querySelector('.detail');
    var mark = detail.querySelector('blockquote mark'), c = claims[Number(first.getAttribute('data-claim'))];
    if (detail.hidden || !mark || mark.textContent !== c.text) fail('a point does not open its quote with the figure marked');
  }
  Array.prototype.forEach.call(document.querySelectorAll('#conflicts ol > li'), function (li) {
    if (!li.querySelector('details.prov blockquote mark')) fail(li.id + ': no quote with its figure marked');
  });

  // No canonical id in the visible text (file names aside: they name files, not sources).
  Array.prototype.forEach.call(document.querySelectorAll('.file'), function (f) { f.style.display = 'none'; });
  var text = document.body.innerText;
  ids.forEach(function (id) {
    var re = new RegExp('(^|[^A-Za-z0-9_])' + id + '([^A-Za-z0-9_]|$)');
    var m = re.exec(text);
    if (m) fail('id "' + id + '" in the visible text: …' + text.substr(Math.max(0, m.index - 40), 90).replace(/\s+/g, ' ') + '…');
  });
  document.body.setAttribute('data-check', fails.length ? fails.join(' | ') : 'ok');
  document.body.setAttribute('data-shown', String(shown + rows));
})();
