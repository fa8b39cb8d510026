/* workreport pages: record panel, permalinks, script toggle. Reading works without this file. */
"use strict";
(function () {
  var page = document.querySelector(".document-page");
  if (!page) { return; }
  var panel = document.getElementById("record-panel");
  var marked = null;

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }

  function show(value) {
    if (value === null || value === undefined) { return ""; }
    if (typeof value === "object") { return JSON.stringify(value); }
    return String(value);
  }

  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }

  function mark(element) {
    if (marked) { marked.classList.remove("selected"); }
    marked = element;
    element.classList.add("selected");
  }

  function open(element) {
    mark(element);
    var api = element.getAttribute("data-api");
    var kind = element.getAttribute("data-kind");
    var id = element.getAttribute("data-record");
    panel.hidden = false;
    panel.setAttribute("data-record", id);
    panel.querySelector(".panel-title").textContent = kind + " " + id;
    var links = panel.querySelector(".panel-links");
    clear(links);
    links.appendChild(link(api, "JSON"));
    links.appendChild(document.createTextNode(" · API: "));
    var code = document.createElement("code");
    code.className = "api-url";
    code.textContent = location.origin + api;
    links.appendChild(code);
    if (element.id) {
      links.appendChild(document.createTextNode(" · "));
      links.appendChild(link("#" + element.id, "permalink"));
    }
    var pageUrl = element.getAttribute("data-page");
    if (pageUrl) {
      links.appendChild(document.createTextNode(" · "));
      links.appendChild(link(pageUrl, "page"));
    }
    var fields = panel.querySelector(".panel-fields");
    clear(fields);
    fetch(api, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (record) {
        if (panel.getAttribute("data-record") !== id) { return; }
        if (record.frames) {
          // A list item is read under its sentence's first action and its paragraph's heading (measure.frames).
          var under = document.createElement("dt");
          under.textContent = "read under";
          var words = document.createElement("dd");
          words.className = "read-under";
          words.textContent = record.frames.map(function (frame) { return frame.source.quote; }).join(" ‹ ");
          fields.appendChild(under);
          fields.appendChild(words);
        }
        Object.keys(record).forEach(function (key) {
          var dt = document.createElement("dt");
          dt.textContent = key;
          var dd = document.createElement("dd");
          dd.textContent = show(record[key]);
          fields.appendChild(dt);
          fields.appendChild(dd);
        });
        panel.classList.add("loaded");
      })
      .catch(function () { fields.textContent = "could not load " + api; });
  }

  page.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var element = target.closest("mark.hl");
    if (element) { event.preventDefault(); open(element); }
  });
  page.addEventListener("keydown", function (event) {
    var target = event.target;
    if ((event.key === "Enter" || event.key === " ") && target instanceof Element && target.matches("mark.hl")) {
      event.preventDefault();
      open(target);
    }
  });
  panel.querySelector(".close").addEventListener("click", function () { panel.hidden = true; });

  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id) { return; }
    var element = document.getElementById(id);
    if (!element) { return; }
    element.scrollIntoView({ block: "center" });
    if (element.matches("mark.hl")) { open(element); } else { mark(element); }
  }
  window.addEventListener("hashchange", follow);
  follow();

  /* Script toggle: every text node inside a .source element is replaced by the same number of code points
     of the converted text, from the element's data-start offset on; offsets never change. */
  var texts = { source: null };
  var original = [];
  var sources = Array.prototype.slice.call(page.querySelectorAll(".source[data-start]"));
  sources.forEach(function (element) {
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    var offset = Number(element.getAttribute("data-start"));
    var node;
    while ((node = walker.nextNode())) {
      var length = Array.from(node.data).length;
      original.push({ node: node, start: offset, length: length, data: node.data });
      offset += length;
    }
  });

  function apply(script, points) {
    original.forEach(function (piece) {
      piece.node.data = points ? points.slice(piece.start, piece.start + piece.length).join("") : piece.data;
    });
    page.setAttribute("data-script", script);
    page.querySelectorAll(".text").forEach(function (element) {
      element.setAttribute("lang", script === "source" ? element.getAttribute("data-lang") : script);
    });
  }

  var documentId = page.getAttribute("data-document");
  page.querySelectorAll("input[name=script]").forEach(function (input) {
    input.addEventListener("change", function () {
      var script = input.value;
      if (script === "source") { apply(script, null); return; }
      if (texts[script]) { apply(script, texts[script]); return; }
      fetch("/documents/" + encodeURIComponent(documentId) + "/script/" + script, { headers: { Accept: "text/plain" } })
        .then(function (response) { return response.text(); })
        .then(function (text) { texts[script] = Array.from(text); apply(script, texts[script]); });
    });
  });
})();

/* Targets table: sort by a column, filter, download exactly the rows shown. */
(function () {
  var table = document.getElementById("targets-table");
  if (!table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var keys = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.getAttribute("data-key"); });
  var form = document.getElementById("target-filters");

  function value(row, key) { return row.getAttribute("data-" + key.replace(/_/g, "-")) || ""; }

  function shown() { return rows.filter(function (row) { return !row.hidden; }); }

  function filter() {
    var text = document.getElementById("filter-text").value.trim().toLowerCase();
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    rows.forEach(function (row) {
      var ok = selects.every(function (select) { return !select.value || value(row, select.name) === select.value; });
      if (ok && text) { ok = row.textContent.toLowerCase().indexOf(text) !== -1; }
      row.hidden = !ok;
    });
    document.getElementById("shown-count").textContent = String(shown().length);
  }
  form.addEventListener("input", filter);
  form.addEventListener("change", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
    cell.querySelector("button").addEventListener("click", function () {
      var key = cell.getAttribute("data-key");
      var ascending = cell.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.setAttribute("aria-sort", "none"); });
      cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = value(a, key), y = value(b, key);
        var nx = parseFloat(x), ny = parseFloat(y);
        var order = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y, "zh");
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });

  function records() {
    return shown().map(function (row) {
      var record = {};
      keys.forEach(function (key) { record[key] = value(row, key); });
      return record;
    });
  }

  function save(content, type, name) {
    var url = URL.createObjectURL(new Blob([content], { type: type }));
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function csvCell(text) { return /[",\n\r]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text; }

  document.getElementById("download-csv").addEventListener("click", function () {
    var lines = [keys.join(",")].concat(records().map(function (record) {
      return keys.map(function (key) { return csvCell(record[key]); }).join(",");
    }));
    save(lines.join("\r\n") + "\r\n", "text/csv;charset=utf-8", "targets.csv");
  });
  document.getElementById("download-json").addEventListener("click", function () {
    save(JSON.stringify(records(), null, 1), "application/json", "targets.json");
  });
  table.setAttribute("data-ready", "true");
})();
