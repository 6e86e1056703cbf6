/* Starts h5p-standalone for every H5P player on the page and POSTs each xAPI
   statement that carries a result (answered, completed, passed, failed). */
(function () {
  "use strict";
  var VERBS = ["answered", "completed", "passed", "failed"];
  function start(box) {
    if (box.dataset.started) return;
    box.dataset.started = "1";
    var runtime = box.dataset.runtime;
    var options = {
      h5pJsonPath: box.dataset.base,
      frameJs: runtime + "frame.bundle.js",
      frameCss: runtime + "styles/h5p.css",
    };
    new H5PStandalone.H5P(box.querySelector("[data-h5p-frame]"), options).then(function () {
      H5P.externalDispatcher.on("xAPI", function (event) {
        var statement = event.data && event.data.statement;
        if (!statement || !statement.result) return;
        var verb = String((statement.verb || {}).id || "").split("/").pop();
        if (VERBS.indexOf(verb) < 0) return;
        fetch(box.dataset.commit, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRFToken": box.dataset.csrf },
          body: JSON.stringify({ statement: statement }),
        }).then(function (response) {
          box.dataset.saved = response.ok ? "1" : "error";
        });
      });
      box.dataset.ready = "1";
    });
  }
  document.querySelectorAll("[data-h5p-player]").forEach(start);
})();
