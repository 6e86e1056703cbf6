"""Hostile PDFs end in a clear verdict within their reading budget, through
the web upload, the API and the offline verifier; PDF verifications have a
concurrency limit of their own."""

import json
import re
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings

from certification.credentials import keys
from certification.credentials.pdfsafe import (
    Budget,
    BudgetExceeded,
    Meter,
    open_reader,
    read_attachment,
)
from certification.verification.capacity import Busy, pdf_verification_slot
from certification.verification.checks import pdf_verify
from tests.verification.conftest import pdf_of
from tests.verification.test_offline import lms_verify

from .hostile import HOSTILE, dag_name_tree, inflation_bomb, reference_loop

HOSTILE_CASES = pytest.mark.parametrize("name", sorted(HOSTILE))


def build(name: str) -> bytes:
    return HOSTILE[name][0]()


def upload(client, data: bytes, prefix: str = ""):
    return client.post(
        f"{prefix}/verify/upload/",
        {"pdf": SimpleUploadedFile("certificado.pdf", data, "application/pdf")},
    )


def api_upload(client, data: bytes):
    return client.post(
        "/api/v1/verify/pdf",
        {"file": SimpleUploadedFile("certificado.pdf", data, "application/pdf")},
    )


def verdict_of(response) -> str:
    match = re.search(rb'data-verdict="([a-z_]+)"', response.content)
    return match.group(1).decode() if match else ""


@HOSTILE_CASES
def test_each_hostile_file_breaks_the_budget_it_targets(db, name):
    result = pdf_verify(build(name))

    assert result.verdict == "unreadable"
    assert result.report.exceeded.limit == HOSTILE[name][1]
    first = result.report.checks[0]
    assert (first.name, first.passed) == ("readable", False)
    assert first.reason.startswith("Archivo ilegible: leerlo excede el límite de")


@HOSTILE_CASES
def test_web_upload_of_a_hostile_file_says_unreadable_and_why(client, db, name):
    response = upload(client, build(name))

    assert response.status_code == 200
    assert verdict_of(response) == "unreadable"
    html = response.content.decode()
    assert "Archivo ilegible" in html
    assert "Archivo legible dentro de los límites de lectura" in html
    assert 'check-failed" data-check="readable"' in html


def test_the_reason_is_translated_on_the_english_page(client, db):
    response = upload(client, dag_name_tree(depth=3), prefix="/en")

    html = response.content.decode()
    assert verdict_of(response) == "unreadable"
    assert "Unreadable file: reading it exceeds the limit of" in html
    assert "page, name or field tree nodes" in html


@HOSTILE_CASES
def test_api_answers_a_hostile_file_with_the_unreadable_verdict(client, db, name):
    response = api_upload(client, build(name))

    assert response.status_code == 200
    body = response.json()
    assert body["verdict"] == "unreadable"
    assert body["valid"] is False
    assert body["checks"][0]["name"] == "readable"
    assert body["checks"][0]["passed"] is False


@pytest.mark.parametrize("name", ["dag name tree", "inflation bomb", "kids loop"])
def test_offline_verifier_reports_a_hostile_file_unreadable(
    issuer_keys, tmp_path, name
):
    pdf = tmp_path / "hostil.pdf"
    pdf.write_bytes(build(name))
    did = tmp_path / "did.json"
    did.write_text(json.dumps(keys.did_document("CL")))

    result = lms_verify(pdf, "--key", did)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "readable: FAILED: the file exceeds the reading budget" in result.stdout
    assert result.stdout.strip().endswith("INVALID")


def test_a_self_referencing_object_ends_in_a_verdict(db):
    assert pdf_verify(reference_loop()).verdict == "unreadable"


# --- the two rows of the report, as observed on a running instance -------


def test_regression_dag_name_tree_of_depth_5_is_answered_not_walked(client, db):
    """60 kids per level, 5 levels: 7.8e8 paths, six hours of CPU before."""
    data = dag_name_tree(depth=5, fanout=60)
    assert len(data) < 3000

    web = upload(client, data)
    api = api_upload(client, data)

    assert verdict_of(web) == "unreadable"
    assert api.json()["verdict"] == "unreadable"
    assert pdf_verify(data).report.exceeded.limit == "tree_nodes"


def test_regression_dag_name_tree_does_not_hang_the_offline_verifier(
    issuer_keys, tmp_path
):
    pdf = tmp_path / "dag.pdf"
    pdf.write_bytes(dag_name_tree(depth=5, fanout=60))
    did = tmp_path / "did.json"
    did.write_text(json.dumps(keys.did_document("CL")))

    result = lms_verify(pdf, "--key", did)  # a hang fails here (subprocess timeout)

    assert result.returncode == 1
    assert "page, name or field tree nodes" in result.stdout


def test_regression_compressed_attachment_is_never_inflated_in_the_web_process(
    client, db
):
    """A 300 KB file whose attachment inflates to 300 MB cost 480 MB per
    request; now the web process holds the file and little else."""
    data = inflation_bomb(megabytes=300)
    assert len(data) < 400 * 1024

    tracemalloc.start()
    try:
        response = api_upload(client, data)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert response.json()["verdict"] == "unreadable"
    assert peak < 32 * 1024 * 1024


def test_the_budgeted_reader_inflates_an_attachment_only_up_to_its_limit():
    meter = Meter(Budget(max_attachment_bytes=4096, max_inflated_bytes=1 << 40))
    reader = open_reader(inflation_bomb(megabytes=1), Meter(Budget()))

    with pytest.raises(BudgetExceeded) as raised:
        read_attachment(reader, meter)

    assert raised.value.limit == "attachment"
    assert meter.inflated < 4096 + 2 * 64 * 1024


# --- budgets from the settings -------------------------------------------


def test_a_genuine_certificate_stays_within_the_default_budget(issued):
    result = pdf_verify(pdf_of(issued))

    assert result.verdict == "valid"
    assert result.report.exceeded is None


def test_the_time_budget_gives_a_verdict_not_a_wait(issued, settings):
    settings.LMS_PDF_BUDGET = {"seconds": 0}

    result = pdf_verify(pdf_of(issued))

    assert result.verdict == "unreadable"
    assert result.report.exceeded.limit == "time"


def test_the_memory_budget_is_enforced_in_the_sandbox(db, settings):
    """With the size budgets lifted, inflating the bomb's attachment runs
    into the sandbox's address-space limit (and only the child's)."""
    settings.LMS_PDF_BUDGET = {
        "max_attachment_bytes": 1 << 40,
        "max_inflated_bytes": 1 << 40,
        "memory_bytes": 64 * 1024 * 1024,
    }

    result = pdf_verify(inflation_bomb(megabytes=300))

    assert result.verdict == "unreadable"
    assert result.report.exceeded.limit == "memory"


def test_unknown_budget_settings_are_refused():
    with pytest.raises(ValueError, match="max_nodes"):
        Budget.from_mapping({"max_nodes": 3})


# --- concurrency ----------------------------------------------------------


@override_settings(LMS_PDF_VERIFY_SLOTS=1)
def test_web_upload_beyond_the_shared_slots_is_503_with_retry_after(client, issued):
    with pdf_verification_slot(hold_seconds=30):
        busy = upload(client, pdf_of(issued))
    after = upload(client, pdf_of(issued))

    assert busy.status_code == 503
    assert int(busy["Retry-After"]) > 0
    assert "Servicio ocupado" in busy.content.decode()
    assert verdict_of(after) == "valid"


@override_settings(LMS_PDF_VERIFY_CONCURRENCY=1, LMS_PDF_VERIFY_SLOTS=8)
def test_api_beyond_the_process_limit_is_503_with_retry_after(client, issued):
    with pdf_verification_slot(hold_seconds=30):
        busy = api_upload(client, pdf_of(issued))
    after = api_upload(client, pdf_of(issued))

    assert busy.status_code == 503
    assert int(busy["Retry-After"]) > 0
    assert busy.json()["retry_after"] == int(busy["Retry-After"])
    assert after.json()["verdict"] == "valid"


@override_settings(LMS_PDF_VERIFY_SLOTS=2, LMS_PDF_VERIFY_CONCURRENCY=4)
def test_slots_are_released_after_use_and_refused_beyond_the_limit(db):
    first, second, third = (pdf_verification_slot(hold_seconds=30) for _ in "abc")
    with first, second, pytest.raises(Busy), third:
        pass
    with pdf_verification_slot(hold_seconds=30), pdf_verification_slot(hold_seconds=30):
        pass
