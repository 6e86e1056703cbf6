"""SCORM packages built for the tests: one small SCO per version that calls
the runtime the way authoring tools do (two pages; leaving on page 2 keeps a
location and suspend data; finishing reports a score and completion)."""

from __future__ import annotations

import io
import stat
import zipfile

MANIFEST_12 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pkg12" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>Curso de prueba 1.2</title>
      <item identifier="item1" identifierref="res1">
        <title>SCO</title>
        <adlcp:masteryscore>80</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormtype="sco"
      href="sco/index.html">
      <file href="sco/index.html"/>
    </resource>
  </resources>
</manifest>
"""

MANIFEST_2004 = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="pkg2004" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata>
    <schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org1">
    <organization identifier="org1">
      <title>Curso de prueba 2004</title>
      <item identifier="item1" identifierref="res1"><title>SCO</title></item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="res1" type="webcontent" adlcp:scormType="sco"
      href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""

_CALLS = {
    "1.2": {
        "find": "API",
        "init": "LMSInitialize",
        "get": "LMSGetValue",
        "set": "LMSSetValue",
        "commit": "LMSCommit",
        "finish": "LMSFinish",
        "location": "cmi.core.lesson_location",
        "entry": "cmi.core.entry",
        "finish_values": [
            ["cmi.core.score.raw", "90"],
            ["cmi.core.score.min", "0"],
            ["cmi.core.score.max", "100"],
            ["cmi.core.lesson_status", "passed"],
        ],
    },
    "2004": {
        "find": "API_1484_11",
        "init": "Initialize",
        "get": "GetValue",
        "set": "SetValue",
        "commit": "Commit",
        "finish": "Terminate",
        "location": "cmi.location",
        "entry": "cmi.entry",
        "finish_values": [
            ["cmi.score.raw", "90"],
            ["cmi.score.min", "0"],
            ["cmi.score.max", "100"],
            ["cmi.score.scaled", "0.9"],
            ["cmi.completion_status", "completed"],
            ["cmi.success_status", "passed"],
        ],
    },
}


def sco_html(version: str) -> str:
    calls = _CALLS[version]
    import json

    return f"""<!doctype html>
<html lang="es"><head><meta charset="utf-8"><title>SCO {version}</title>
<script src="sco.js"></script></head>
<body><h1 id="page">…</h1><p id="entry"></p>
<button id="next" type="button">Siguiente</button>
<button id="finish" type="button">Terminar</button>
<script>
var C = {json.dumps(calls)};
var api = window.parent[C.find];
api[C.init]("");
var where = api[C.get](C.location);
document.getElementById("entry").textContent = "entry=" + api[C.get](C.entry)
  + " suspend=" + api[C.get]("cmi.suspend_data");
document.getElementById("page").textContent =
  where === "page-2" ? "Página 2" : "Página 1";
document.getElementById("next").onclick = function () {{
  api[C.set](C.location, "page-2");
  api[C.set]("cmi.suspend_data", "visto:1");
  api[C.commit]("");
  document.getElementById("page").textContent = "Página 2";
}};
document.getElementById("finish").onclick = function () {{
  C.finish_values.forEach(function (pair) {{ api[C.set](pair[0], pair[1]); }});
  api[C.commit]("");
  api[C.finish]("");
  document.getElementById("page").textContent = "Terminado";
}};
</script></body></html>
"""


def build_zip(files: dict[str, bytes | str], *, symlinks: dict[str, str] = ()) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
        for name, target in dict(symlinks).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return buffer.getvalue()


def scorm_package(version: str) -> bytes:
    if version == "1.2":
        return build_zip(
            {
                "imsmanifest.xml": MANIFEST_12,
                "sco/index.html": sco_html("1.2"),
                "sco/sco.js": "/* nothing */\n",
            }
        )
    return build_zip(
        {
            "imsmanifest.xml": MANIFEST_2004,
            "index.html": sco_html("2004"),
            "sco.js": "/* nothing */\n",
        }
    )


H5P_LIBRARY_JS = """
H5P.LmsTestQuestion = (function () {
  function Question(params, contentId, extras) {
    H5P.EventDispatcher.call(this);
    this.params = params;
    var previous = (extras && extras.previousState) || {};
    this.step = previous.step || 1;
    this.choice = previous.choice || "";
  }
  Question.prototype = Object.create(H5P.EventDispatcher.prototype);
  Question.prototype.constructor = Question;
  Question.prototype.getCurrentState = function () {
    return { step: this.step, choice: this.choice };
  };
  Question.prototype.attach = function ($container) {
    var self = this;
    var root = $container[0];
    function show() {
      root.innerHTML = "";
      var title = document.createElement("h2");
      var note = document.createElement("p");
      if (self.step === 1) {
        title.textContent = "Pregunta 1: " + self.params.warmup;
        self.params.options.forEach(function (option) {
          var pick = document.createElement("button");
          pick.type = "button";
          pick.textContent = option;
          pick.onclick = function () {
            self.choice = option;
            self.step = 2;
            self.triggerXAPI("progressed");
            show();
          };
          root.appendChild(pick);
        });
        root.insertBefore(title, root.firstChild);
        return;
      }
      title.textContent = "Pregunta 2: " + self.params.question;
      note.className = "previous";
      note.textContent = "Respuesta anterior: " + self.choice;
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = self.params.answer;
      button.onclick = function () {
        self.triggerXAPIScored(4, 5, "answered", true, true);
        button.textContent = "Respondido";
      };
      root.appendChild(title);
      root.appendChild(note);
      root.appendChild(button);
    }
    show();
  };
  return Question;
})();
"""


def h5p_package(**changes) -> bytes:
    """An H5P activity bundling one small library: a first question whose
    answer is kept in the H5P user state (``getCurrentState``, resumed from
    ``previousState``), then a second one that reports 4 of 5 points with an
    xAPI "answered" statement when its button is pressed."""
    import json as _json

    files = {
        "h5p.json": _json.dumps(
            {
                "title": "Pregunta de prueba",
                "language": "es",
                "mainLibrary": "H5P.LmsTestQuestion",
                "embedTypes": ["div"],
                "preloadedDependencies": [
                    {
                        "machineName": "H5P.LmsTestQuestion",
                        "majorVersion": 1,
                        "minorVersion": 0,
                    }
                ],
            }
        ),
        "content/content.json": _json.dumps(
            {
                "warmup": "¿Qué publica una editorial?",
                "options": ["Libros", "Películas"],
                "question": "¿Qué identifica el ISBN?",
                "answer": "Una edición",
            }
        ),
        "H5P.LmsTestQuestion-1.0/library.json": _json.dumps(
            {
                "title": "Pregunta de prueba",
                "machineName": "H5P.LmsTestQuestion",
                "majorVersion": 1,
                "minorVersion": 0,
                "patchVersion": 0,
                "runnable": 1,
                "preloadedJs": [{"path": "question.js"}],
            }
        ),
        "H5P.LmsTestQuestion-1.0/question.js": H5P_LIBRARY_JS,
    }
    files.update(changes)
    return build_zip({k: v for k, v in files.items() if v is not None})
