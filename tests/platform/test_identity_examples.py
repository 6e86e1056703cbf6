"""The example identity documents shown to newcomers (the format in the error
message, the README) are valid for their country and belong to no demo
account, so a newcomer who copies one is not refused as a duplicate."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from certification.demo.credentials import ARTESANO
from courses.demo.seeders import DEMO_USERS
from lms.accounts.identity import FORMATS, normalize_national_id

README = Path(settings.BASE_DIR) / "README.md"
COUNTRY_NAMES = {"CL": "Chile", "CO": "Colombia", "MX": "Mexico", "PE": "Peru"}


def demo_documents() -> set[tuple[str, str]]:
    people = [(u.country, u.national_id) for u in DEMO_USERS if u.national_id]
    people.append((ARTESANO["country"], ARTESANO["national_id"]))
    return {(c, normalize_national_id(c, n)) for c, n in people}


def readme_examples() -> dict[str, str]:
    text = " ".join(README.read_text(encoding="utf-8").split())
    found = re.findall(r"`([^`]+)` \((Chile|Colombia|Mexico|Peru)\)", text)
    names = {name: code for code, name in COUNTRY_NAMES.items()}
    return {names[name]: example for example, name in found}


@pytest.mark.parametrize("country", sorted(FORMATS))
def test_format_example_is_valid_and_not_a_demo_account(country):
    with translation.override("es"):
        message = str(FORMATS[country])
    example = message.rsplit("por ejemplo ", 1)[1]
    normalised = normalize_national_id(country, example)
    assert (country, normalised) not in demo_documents()


def test_readme_examples_are_valid_and_not_demo_accounts():
    examples = readme_examples()
    assert set(examples) == set(COUNTRY_NAMES)
    for country, example in examples.items():
        normalised = normalize_national_id(country, example)
        assert (country, normalised) not in demo_documents(), example
