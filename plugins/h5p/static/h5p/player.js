/* Starts h5p-standalone for every H5P player on the page and POSTs the state:
   each xAPI statement that carries a result (answered, completed, passed,
   failed) and the activity's user data (H5P's "state": where the learner is
   inside it, the answers given), so the learner resumes where they left.

   h5p-standalone keeps the user data in H5PIntegration.contents[cid]
   .contentUserData[0].state (a JSON string), read when the activity starts
   (its previousState) and written by H5P.setUserData every saveFreq seconds,
   after "progressed"/"completed" and on leaving. The preloaded slot given
   here is a property with a setter, so each write is posted at once (with
   keepalive, which outlives the page being left). Each POST carries both the
   last result and the user data: the server keeps the state it receives. */
(function () {
  "use strict";
  var VERBS = ["answered", "completed", "passed", "failed"];
  function start(box) {
    if (box.dataset.started) return;
    box.dataset.started = "1";
    var runtime = box.dataset.runtime;
    var saved = JSON.parse(box.dataset.result || "{}");
    var userState = box.dataset.userState || undefined;

    function post(body) {
      if (userState !== undefined) body.user_state = userState;
      return fetch(box.dataset.commit, {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: { "Content-Type": "application/json", "X-CSRFToken": box.dataset.csrf },
        body: JSON.stringify(body),
      });
    }

    var slot = {};
    Object.defineProperty(slot, "state", {
      enumerable: true,
      configurable: true,
      get: function () { return userState; },
      set: function (value) {
        if (typeof value !== "string" || value === userState) return;
        userState = value;
        var body = saved.verb ? { verb: saved.verb, result: saved.result } : {};
        post(body).then(function (response) {
          box.dataset.userSaved = response.ok ? "1" : "error";
        });
      },
    });

    var options = {
      h5pJsonPath: box.dataset.base,
      frameJs: runtime + "frame.bundle.js",
      frameCss: runtime + "styles/h5p.css",
      saveFreq: Number(box.dataset.saveFreq) || 10,
      contentUserData: [slot],
    };
    new H5PStandalone.H5P(box.querySelector("[data-h5p-frame]"), options).then(function () {
      H5P.externalDispatcher.on("xAPI", function (event) {
        var statement = event.data && event.data.statement;
        if (!statement || !statement.result) return;
        var verb = String((statement.verb || {}).id || "").split("/").pop();
        if (VERBS.indexOf(verb) < 0) return;
        saved = { verb: verb, result: statement.result };
        post({ statement: statement }).then(function (response) {
          box.dataset.saved = response.ok ? "1" : "error";
        });
      });
      box.dataset.ready = "1";
    });
  }
  document.querySelectorAll("[data-h5p-player]").forEach(start);
})();
