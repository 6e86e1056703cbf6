"""Holder names on credentials: an officer's name correction follows the name
rules, and a name stored before them is printed without what would alter it."""

from types import SimpleNamespace

from certification.admin.credentials import ActionForm
from certification.issuance.snapshot import holder_snapshot


def test_a_name_correction_with_a_directional_control_is_refused():
    form = ActionForm(
        {"action": "reissue", "reason": "Corrección", "legal_name": "Ana \u202eepsiuQ"}
    )
    assert not form.is_valid()
    assert "U+202E" in form.errors["legal_name"][0]


def test_a_name_correction_is_normalised():
    form = ActionForm(
        {"action": "reissue", "reason": "Corrección", "legal_name": " Mari\u0301a  Li "}
    )
    assert form.is_valid()
    assert form.cleaned_data["legal_name"] == "María Li"


def test_a_stored_name_is_snapshotted_without_invisible_or_directional_characters():
    user = SimpleNamespace(
        national_id="",
        country="PE",
        legal_name="Ana\u200b \u202egnp.exe",
        get_full_name=lambda: "",
        username="ana",
    )
    assert holder_snapshot(user)["holder_name"] == "Ana gnp.exe"
