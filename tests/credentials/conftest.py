"""Fixtures for the credential artefact layer: a private key directory per
test and a sample credential input."""

import datetime as dt

import pytest

from certification.credentials import keys, openbadge


@pytest.fixture
def key_dir(settings, tmp_path):
    settings.LMS_KEY_DIR = tmp_path / "keys"
    settings.LMS_PUBLIC_URL = "https://cultura.example:8443"
    return settings.LMS_KEY_DIR


@pytest.fixture
def issuer_keys(key_dir):
    keys.issuer_keys_generate(
        issuer_code="CL",
        organisation="Ministerio de las Culturas, las Artes y el Patrimonio",
    )
    return "CL"


@pytest.fixture
def credential_data():
    return {
        "id": "https://cultura.example:8443/verify/3f9c2a7e8b1d4c6fa0e5b7d9c1f3a5e7/",
        "name": "Certificado de competencia laboral: Editor/a de libros",
        "description": "Acredita la competencia laboral en edición de libros.",
        "valid_from": dt.datetime(2026, 3, 1, 15, 30, tzinfo=dt.UTC),
        "valid_until": dt.datetime(2029, 3, 1, 15, 30, tzinfo=dt.UTC),
        "issuer": {
            "id": "did:web:cultura.example%3A8443:issuers:cl",
            "name": "Ministerio de las Culturas, las Artes y el Patrimonio",
            "url": "https://www.cultura.gob.cl/",
        },
        "holder": {
            "name": "Ana María Pérez Núñez",
            "national_id": "12.345.678-5",
            "salt": "c0ffee00c0ffee00c0ffee00c0ffee00",
        },
        "achievement": {
            "id": "https://cultura.example:8443/programs/CL-EDIT-01",
            "name": "Editor/a de libros",
            "description": "Perfil ChileValora de edición de libros.",
            "criteria": "Demostró las unidades de competencia del perfil.",
            "achievement_type": "Certificate",
            "human_code": "P-9000-2642-001-V1",
        },
        "alignments": [
            {
                "target_name": "Editor/a de libros",
                "target_url": "https://www.chilevalora.cl/perfiles/P-9000-2642-001",
                "target_code": "P-9000-2642-001-V1",
                "target_framework": "ChileValora",
                "target_type": "ceasn:Competency",
            },
            {
                "target_name": "Corregir textos editoriales",
                "target_url": "https://www.chilevalora.cl/ucl/U-9000-2642-002",
                "target_code": "U-9000-2642-002-V1",
                "target_framework": "ChileValora",
            },
        ],
        "status": [
            {
                "list_url": "https://cultura.example:8443/status/cl/revocation",
                "index": 94567,
                "purpose": "revocation",
            },
            {
                "list_url": "https://cultura.example:8443/status/cl/suspension",
                "index": 94567,
                "purpose": "suspension",
            },
        ],
    }


@pytest.fixture
def context():
    return {
        "issuer": {
            "name_es": "Ministerio de las Culturas, las Artes y el Patrimonio",
            "name_en": "Ministry of Cultures, Arts and Heritage of Chile",
            "country_es": "República de Chile",
            "country_en": "Republic of Chile",
        },
        "holder_name": "Ana María Pérez Núñez",
        "program_es": "Editor/a de libros",
        "program_en": "Book editor",
        "standard": {
            "code": "P-9000-2642-001",
            "title": "Editor/a de libros",
            "framework": "ChileValora",
            "version": "1",
        },
        "levels": [
            {"label_es": "Nivel MCTP", "label_en": "National level", "value": "4"},
            {
                "label_es": "Nivel regional",
                "label_en": "Regional level (provisional)",
                "value": "4",
            },
        ],
        "units": [
            {"code": "U-9000-2642-001", "title": "Planificar el proceso editorial"},
            {"code": "U-9000-2642-002", "title": "Corregir textos editoriales"},
            {"code": "U-9000-2642-003", "title": "Coordinar diseño y diagramación"},
        ],
        "issued_on": dt.date(2026, 3, 1),
        "valid_until": dt.date(2029, 3, 1),
        "signatories": [
            {
                "name": "Carolina Arredondo Marzán",
                "role_es": "Ministra de las Culturas, las Artes y el Patrimonio",
                "role_en": "Minister of Cultures, Arts and Heritage",
            }
        ],
        "public_id": "3f9c2a7e8b1d4c6fa0e5b7d9c1f3a5e7",
        "verify_url": "https://cultura.example:8443/verify/3f9c2a7e8b1d4c6fa0e5b7d9c1f3a5e7/",
        "legal_text_es": "Certificado verificable en línea y sin conexión.",
        "legal_text_en": "Verifiable online and offline.",
    }


@pytest.fixture
def signed_credential(issuer_keys, credential_data):
    credential = openbadge.credential_build(credential_data)
    return openbadge.credential_sign_for_issuer(credential, issuer_code="CL")
