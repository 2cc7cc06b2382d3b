// Plays a reader on the overview page after its own script ran: filters the
// incident table, sorts it by the killed column, searches; then writes what
// it saw as `key=value` lines into <pre id="probe"> for the Rust test to read
// from the dumped DOM.
(function () {
  var out = [];
  function say(key, value) { out.push(key + "=" + value); }
  try {
    var table = document.getElementById("incidents");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var visible = function () { return rows.filter(function (r) { return !r.hidden; }).length; };
    say("rows", rows.length);

    var filter = document.querySelector('input[aria-label="Filter incidents"]');
    say("filter_present", !!filter);
    // Filter on the place of the last row, so the word is sure to match something.
    var word = rows[rows.length - 1].cells[1].textContent.trim();
    filter.value = word;
    filter.dispatchEvent(new Event("input"));
    say("filter_word", word);
    say("filter_visible", visible());
    say("filter_expected", rows.filter(function (r) {
      return r.textContent.toLowerCase().indexOf(word.toLowerCase()) >= 0;
    }).length);
    filter.value = "";
    filter.dispatchEvent(new Event("input"));
    say("filter_cleared_visible", visible());

    var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
    say("sort_buttons", heads.filter(function (th) { return th.querySelector("button"); }).length);
    var col = heads.findIndex(function (th) { return th.textContent.trim() === "Killed"; });
    var button = heads[col].querySelector("button");
    var killed = function () {
      return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
        return r.cells[col].getAttribute("data-sort");
      }).join(",");
    };
    button.click();
    say("sort_first_aria", heads[col].getAttribute("aria-sort"));
    say("sort_first", killed());
    button.click();
    say("sort_second_aria", heads[col].getAttribute("aria-sort"));
    say("sort_second", killed());

    var search = document.querySelector('#search input[type="search"]');
    say("search_present", !!search);
    say("search_hidden", document.getElementById("search").hidden);
    search.value = word;
    search.dispatchEvent(new Event("input"));
    var hits = Array.prototype.map.call(document.querySelectorAll("#search li a"), function (a) {
      return a.textContent + " -> " + a.getAttribute("href");
    });
    say("search_hits", hits.length);
    hits.forEach(function (hit) { say("search_hit", hit); });
  } catch (e) {
    say("error", e && e.message);
  }
  var pre = document.createElement("pre");
  pre.id = "probe";
  pre.textContent = out.join("\n");
  document.body.appendChild(pre);
})();
