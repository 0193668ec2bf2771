// Progressive enhancement: poll the status of packs being compiled and update the page.
// Without JavaScript the page offers a "Refresh" link instead.
(function () {
  "use strict";
  var cells = document.querySelectorAll("[data-pack-status]");
  function poll(cell) {
    fetch(cell.getAttribute("data-pack-status"), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (s.status === "queued" || s.status === "compiling") {
          cell.textContent = (s.status === "queued" ? "Queued" : "Compiling") + " – " + s.progress + "% " + s.message;
          window.setTimeout(function () { poll(cell); }, 1500);
        } else {
          window.location.reload();
        }
      });
  }
  Array.prototype.forEach.call(cells, function (cell) {
    if (/Queued|Compiling/.test(cell.textContent)) { poll(cell); }
  });
})();
