// Casualty Ledger: the list pages' controls (filter and sort on every table
// of class "listing") and the overview's search (over window.ledgerSearch,
// which search.js sets). Plain script, nothing fetched, works from file://.
(function () {
  Array.prototype.forEach.call(document.querySelectorAll("table.listing"), function (table) {
    if (!table.tHead || !table.tBodies.length) { return; }
    var body = table.tBodies[0];
    var what = table.getAttribute("data-what") || "rows";
    var filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "Filter " + what;
    filter.setAttribute("aria-label", "Filter " + what);
    table.parentNode.insertBefore(filter, table);
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      Array.prototype.forEach.call(body.rows, function (row) {
        row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col], y = b.cells[col], c;
          if (x.hasAttribute("data-sort") && y.hasAttribute("data-sort")) {
            c = parseFloat(x.getAttribute("data-sort")) - parseFloat(y.getAttribute("data-sort"));
          } else {
            c = x.textContent.localeCompare(y.textContent);
          }
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var items = window.ledgerSearch;
  var box = document.getElementById("search");
  if (items && box) {
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Search incidents and articles";
    input.setAttribute("aria-label", "Search incidents and articles");
    var list = document.createElement("ul");
    box.appendChild(input);
    box.appendChild(list);
    box.hidden = false;
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      list.textContent = "";
      if (!words.length) { return; }
      var shown = 0;
      for (var i = 0; i < items.length && shown < 50; i++) {
        var text = items[i].t.toLowerCase();
        if (words.every(function (w) { return text.indexOf(w) >= 0; })) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = items[i].h;
          a.textContent = items[i].k + ": " + items[i].t;
          li.appendChild(a);
          list.appendChild(li);
          shown++;
        }
      }
    });
  }
})();
