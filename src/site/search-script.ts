/**
 * The index page's only script, inlined (its hash is in the page's Content-Security-Policy). It reads
 * the JSON index embedded in the page and hides the runbooks that do not match every word typed.
 * Without script the full list still shows. `?q=` fills the box, so a link can open a search.
 */
export const SEARCH_SCRIPT = `
(function () {
  "use strict";
  var data = document.getElementById("search-index");
  var input = document.getElementById("search");
  var status = document.getElementById("search-status");
  var list = document.getElementById("runbook-list");
  if (!data || !input || !status || !list) return;
  var entries = JSON.parse(data.textContent || "[]");
  var haystacks = {};
  entries.forEach(function (entry) {
    haystacks[entry.slug] = [entry.title, entry.alerts.join(" "), entry.services.join(" "), entry.severity, entry.text].join(" ").toLowerCase();
  });
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-slug]"));
  function plural(n) { return n === 1 ? "runbook" : "runbooks"; }
  function update() {
    var query = input.value.trim();
    var words = query.toLowerCase().split(/\\s+/).filter(function (w) { return w.length > 0; });
    var shown = 0;
    items.forEach(function (item) {
      var text = haystacks[item.getAttribute("data-slug")] || "";
      var match = words.every(function (word) { return text.indexOf(word) !== -1; });
      item.hidden = !match;
      if (match) shown += 1;
    });
    if (words.length === 0) status.textContent = items.length + " " + plural(items.length) + ".";
    else if (shown === 0) status.textContent = "No runbook matches \\u201c" + query + "\\u201d.";
    else status.textContent = shown + " of " + items.length + " " + plural(items.length) + " match \\u201c" + query + "\\u201d.";
  }
  var form = input.form;
  if (form) form.addEventListener("submit", function (event) { event.preventDefault(); update(); });
  input.addEventListener("input", update);
  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) input.value = initial;
  update();
})();
`.trim();
