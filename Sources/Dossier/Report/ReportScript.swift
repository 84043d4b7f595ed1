import Foundation

/// The report's script, written inline into the page: opens a document's view from its JSON block
/// when `#doc-N` is visited (so a corpus of any size loads at once), and pages and filters the
/// document list.
enum ReportScript {
    static let js = script.replacingOccurrences(of: "LEGEND_JS", with: jsString(ReportView.legend))

    /// A JavaScript string literal.
    static func jsString(_ s: String) -> String {
        var out = "'"
        for u in s.unicodeScalars {
            switch u {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "<": out += "\\u003c"
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "'"
    }

    static let script = #"""
    (function () {
      'use strict';
      var view = document.getElementById('view');
      var legend = LEGEND_JS;
      function esc(s) {
        return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      }
      // The marked text: runs the operations worked out by ReportMarkup.
      function marked(x, mk) {
        var out = [], stack = [], at = 0, o = mk.o;
        for (var i = 0; i < o.length; i++) {
          var op = o[i];
          if (typeof op !== 'number') { at = op[0]; }
          else if (op >= 0) { out.push(esc(x.slice(at, op))); at = op; }
          else if (op === -1) { out.push('</' + stack.pop() + '>'); }
          else {
            var p = mk.p[-op - 2], k = mk.k[p[0]];
            var s = '<' + k[0] + ' class="' + k[1] + '"';
            if (k[2] !== null) { s += ' data-zone="' + esc(k[2]) + '"'; }
            if (p[1] >= 0) { s += ' title="' + esc(mk.h[p[1]]) + '"'; }
            out.push(s + '>');
            stack.push(k[0]);
          }
        }
        return out.join('');
      }
      function table(summary, n, head, rows) {
        return '<details open><summary>' + summary + ' (' + n + ')</summary>\n<div class="scroll"><table class="grid">\n<thead><tr>' +
          head + '</tr></thead>\n<tbody>\n' + rows.join('') + '</tbody>\n</table></div>\n</details>\n';
      }
      // A document's view from its data: the same HTML as ReportView.html().
      function renderView(d) {
        var s = '<article class="doc" id="doc-' + d.i + '">\n<header class="dochead">\n';
        if (d.b) { s += '<p class="back"><a href="#documents">\u2190 All documents</a></p>\n'; }
        s += '<h2>' + esc(d.t) + '</h2>\n<p class="meta"><code>' + esc(d.id) + '</code> \u00b7 ' + esc(d.m) + '</p>\n';
        if (d.err !== undefined) { s += '<p class="note error">Error: ' + esc(d.err) + '</p>\n'; }
        if (d.note !== undefined) { s += '<p class="note">' + esc(d.note) + '</p>\n'; }
        s += '</header>\n';
        if (d.mk) { s += legend + '<div class="text">' + marked(d.x, d.mk) + '</div>\n'; }
        if (d.q.length) {
          s += table('Who said what', d.q.length, '<th scope="col">Speaker</th><th scope="col">Kind</th><th scope="col">Words</th>',
            d.q.map(function (r) {
              return '<tr><td>' + (r[0] === null ? '<span class="none">nobody</span>' : esc(r[0])) + '</td><td><span class="tag">' +
                esc(r[1]) + '</span></td><td>\u201c' + esc(r[2]) + '\u201d</td></tr>\n';
            }));
        }
        if (d.en.length) {
          s += table('Entities', d.en.length, '<th scope="col">Name</th><th scope="col">Type</th><th scope="col" class="num">Mentions</th><th scope="col">As written</th>',
            d.en.map(function (r) {
              return '<tr><td><span class="key ' + r[4] + '">' + esc(r[0]) + '</span></td><td>' + esc(r[1]) + '</td><td class="num">' +
                r[2] + '</td><td>' + esc(r[3]) + '</td></tr>\n';
            }));
        }
        if (d.fi.length) {
          s += table('Figures', d.fi.length, '<th scope="col">As written</th><th scope="col">Category</th><th scope="col">Value</th><th scope="col">Zone</th>',
            d.fi.map(function (r) {
              return '<tr><td>' + esc(r[0]) + '</td><td>' + esc(r[1]) + '</td><td>' + esc(r[2]) + '</td><td>' + esc(r[3]) + '</td></tr>\n';
            }));
        }
        return s + '</article>\n';
      }
      function open(hash) {
        var m = /^#doc-(\d+)$/.exec(hash || '');
        if (!m || !view) { return; }
        var block = document.getElementById('v-' + m[1]);
        if (block) {
          var data = JSON.parse(block.textContent);
          view.innerHTML = typeof data === 'string' ? data : renderView(data);
          view.hidden = false;
        }
        var target = document.getElementById('doc-' + m[1]);
        if (target) { target.scrollIntoView(); }
      }
      window.addEventListener('hashchange', function () { open(location.hash); });
      // The views follow this script: open the one asked for once the page is read.
      if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { open(location.hash); });
      } else {
        open(location.hash);
      }

      var body = document.getElementById('doc-rows');
      var data = document.getElementById('index-data');
      if (!body || !data) { return; }
      var size = parseInt(body.getAttribute('data-page-size'), 10) || 50;
      var rows = null, shown = null, page = 0;
      var prev = document.getElementById('page-prev'), next = document.getElementById('page-next');
      var info = document.getElementById('page-info'), count = document.getElementById('doc-count');
      var filter = document.getElementById('doc-filter');
      function load() {
        if (rows === null) { rows = JSON.parse(data.textContent); shown = rows; }
      }
      function rowHTML(r) {
        var s = '<tr><td><a href="#doc-' + r[0] + '">' + esc(r[1]) + '</a>';
        if (r[2] && r[2] !== r[1]) { s += '<div class="id">' + esc(r[2]) + '</div>'; }
        s += '</td>';
        for (var i = 3; i < r.length - 1; i++) { s += '<td class="num">' + esc(r[i]) + '</td>'; }
        return s + '<td class="note">' + esc(r[r.length - 1]) + '</td></tr>';
      }
      function render() {
        load();
        var pages = Math.max(1, Math.ceil(shown.length / size));
        page = Math.min(Math.max(page, 0), pages - 1);
        var html = [];
        for (var i = page * size; i < Math.min(shown.length, (page + 1) * size); i++) { html.push(rowHTML(shown[i])); }
        body.innerHTML = html.join('');
        info.textContent = 'Page ' + (page + 1) + ' of ' + pages;
        count.textContent = shown.length + (shown.length === rows.length ? ' documents' : ' of ' + rows.length + ' documents');
        prev.disabled = page === 0;
        next.disabled = page >= pages - 1;
      }
      prev.addEventListener('click', function () { page -= 1; render(); });
      next.addEventListener('click', function () { page += 1; render(); });
      filter.addEventListener('input', function () {
        load();
        var q = filter.value.toLowerCase();
        shown = q ? rows.filter(function (r) { return (r[1] + '\n' + r[2]).toLowerCase().indexOf(q) >= 0; }) : rows;
        page = 0;
        render();
      });
    })();

    """#
}
