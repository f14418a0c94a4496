// trustlist's own scripts: filter and sort the list tables, and search a language's index.
// No third-party code; every text goes into the page through textContent, never innerHTML.
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFC").toLocaleLowerCase().replace(/\s+/g, " ").trim();
  }

  function setupFilter(input) {
    var table = document.getElementById(input.getAttribute("data-tl-filter"));
    if (!table) return;
    var box = input.closest(".tl-filter");
    var count = box.querySelector(".tl-filter-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = fold(input.value).split(" ").filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = fold(row.textContent);
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = words.length ? shown + " / " + rows.length : "";
    });
  }

  function cellValue(row, index, type) {
    var text = row.cells[index].textContent.trim();
    if (type === "number") return parseFloat(text) || 0;
    return fold(text);
  }

  function setupSort(table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var label = table.getAttribute("data-tl-sort-label") || "{column}";
    headers.forEach(function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "tl-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", label.replace("{column}", th.textContent.trim()));
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var type = th.getAttribute("data-tl-type");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index, type), y = cellValue(b, index, type);
          var order = x < y ? -1 : x > y ? 1 : 0;
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function setupSearch(form) {
    var input = form.querySelector("input[name=q]");
    var status = document.querySelector(".tl-search-status");
    var list = document.querySelector(".tl-search-results");
    var index = null;

    function show(query) {
      var words = fold(query).split(" ").filter(Boolean);
      list.textContent = "";
      if (!words.length) { status.textContent = ""; return; }
      var hits = index.filter(function (entry) {
        return words.every(function (w) { return entry.text.indexOf(w) !== -1; });
      });
      status.textContent = hits.length
        ? form.getAttribute("data-tl-count").replace("{count}", hits.length)
        : form.getAttribute("data-tl-none");
      hits.slice(0, 200).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.url;
        link.textContent = entry.title;
        var meta = document.createElement("small");
        meta.textContent = " — " + entry.owner + " · " + entry.sector;
        item.appendChild(link);
        item.appendChild(meta);
        list.appendChild(item);
      });
    }

    function run() {
      var query = input.value;
      if (index) { show(query); return; }
      fetch(form.getAttribute("data-tl-index"))
        .then(function (r) { return r.json(); })
        .then(function (data) { index = data; show(query); });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run();
    });
    input.addEventListener("input", run);
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; run(); }
  }

  function start() {
    document.querySelectorAll("input[data-tl-filter]").forEach(setupFilter);
    document.querySelectorAll("table[data-tl-sortable]").forEach(setupSort);
    document.querySelectorAll("form[data-tl-index]").forEach(setupSearch);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
