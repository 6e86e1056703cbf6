"""Every signal of the certification layer is documented."""

import inspect

from certification import signals


def test_every_certification_signal_has_a_docstring_below_it():
    source = inspect.getsource(signals)
    names = [
        name
        for name, value in vars(signals).items()
        if isinstance(value, signals.Signal)
    ]
    assert "program_eligible" in names
    for name in names:
        after = source.split(f"{name} = Signal()", 1)[1].lstrip()
        assert after.startswith('"""'), f"{name} has no docstring"
