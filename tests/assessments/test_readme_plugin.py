"""The complete minimal plugin of plugins/README.md, copied from the file,
starts and passes the contract kit: the documentation cannot drift from the
contract."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from plugins.testing import check_plugin
from tests.assessments.test_loader import _module

README = Path(settings.BASE_DIR) / "plugins" / "README.md"


def _block(path):
    text = README.read_text()
    match = re.search(rf"```python\n# {re.escape(path)}\n(.*?)```", text, re.S)
    assert match, f"plugins/README.md has no code block for {path}"
    return match.group(1)


@pytest.mark.django_db
def test_the_readme_plugin_starts_and_keeps_the_contract(tmp_path, monkeypatch):
    package = tmp_path / "lms_karaoke"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for name in ("apps", "plugin"):
        (package / f"{name}.py").write_text(_block(f"lms_karaoke/{name}.py"))
    monkeypatch.syspath_prepend(str(tmp_path))
    namespace = {}
    exec(compile(_block("lms_karaoke/apps.py"), "apps.py", "exec"), namespace)
    config = namespace["KaraokeConfig"]("lms_karaoke", _module("lms_karaoke"))
    config.ready()  # start-up checks: meta, compatibility, signatures
    plugin = config.plugin_class()()
    assert check_plugin(plugin) == []
