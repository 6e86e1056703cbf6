"""Independent implementations (npm packages) that the suite checks the
platform's output against. ``run_node`` runs a script of this folder with
Node.js and returns its JSON answer."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SCHEMAS = HERE / "schemas"


def node_available() -> bool:
    return shutil.which("node") is not None and (HERE / "node_modules").is_dir()


def run_node(script: str, payload, *, timeout: float = 60.0):
    """Run ``tests/interop/<script>`` with ``payload`` as JSON on stdin and
    return the JSON it prints. Fails the test with Node's stderr otherwise."""
    if not node_available():
        pytest.fail("Node.js or tests/interop/node_modules missing: run `make install`")
    proc = subprocess.run(
        ["node", str(HERE / script)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=HERE,
    )
    if proc.returncode != 0:
        pytest.fail(f"{script} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)
