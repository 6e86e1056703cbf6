/* Starts scorm-again for every SCORM player on the page: the saved CMI data is
   loaded (so the learner resumes), commits are POSTed as JSON with the CSRF
   header, and the package is then opened in the frame. */
(function () {
  "use strict";
  function start(box) {
    if (box.dataset.started) return;
    box.dataset.started = "1";
    var version = box.dataset.version;
    var stateNode = box.querySelector("script[type='application/json']");
    var state = stateNode ? JSON.parse(stateNode.textContent) : {};
    var settings = {
      autocommit: false,
      lmsCommitUrl: box.dataset.commit,
      xhrHeaders: { "X-CSRFToken": box.dataset.csrf },
      logLevel: 4,
    };
    var api;
    if (version === "1.2") {
      api = new window.Scorm12API(settings);
    } else {
      api = new window.Scorm2004API(settings);
    }
    var cmi = state && state.cmi;
    if (cmi) {
      var resume = !!(version === "1.2"
        ? (cmi.core && (cmi.core.lesson_location || cmi.suspend_data))
        : (cmi.location || cmi.suspend_data));
      if (version === "1.2") {
        cmi.core = cmi.core || {};
        delete cmi.core.session_time;
        cmi.core.entry = resume ? "resume" : "";
      } else {
        delete cmi.session_time;
        cmi.entry = resume ? "resume" : "";
      }
      api.loadFromJSON(cmi, "");
    }
    if (version === "1.2") {
      window.API = api;
    } else {
      window.API_1484_11 = api;
    }
    box.querySelector("[data-scorm-frame]").src = box.dataset.launch;
  }
  document.querySelectorAll("[data-scorm-player]").forEach(start);
})();
