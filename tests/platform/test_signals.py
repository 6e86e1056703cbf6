"""Every signal a layer sends is documented right below it: what ``sender`` is
and which arguments it carries."""

import importlib
import inspect

import pytest
from django.dispatch import Signal

# Each module with one signal it must hold (so an empty scan cannot pass).
MODULES = [
    ("courses.signals", "lesson_completed"),
    ("plugins.signals", "attempt_graded"),
    ("certification.signals", "program_eligible"),
]


@pytest.mark.parametrize(("module_name", "known"), MODULES)
def test_every_signal_has_a_docstring_naming_its_sender(module_name, known):
    module = importlib.import_module(module_name)
    source = inspect.getsource(module)
    names = [name for name, value in vars(module).items() if isinstance(value, Signal)]
    assert known in names
    for name in names:
        after = source.split(f"{name} = Signal()", 1)[1].lstrip()
        assert after.startswith('"""'), f"{name} has no docstring"
        assert "``sender``" in after.split('"""')[1], name
