"""Steps shared by the road journeys (tests/browser/test_road_journey.py): a
new learner signs up with their country's national ID, takes assessments in
a lesson or on an assessment's own page, an assessor grades in the CMS, an
officer approves, the learner downloads the PDF, and a visitor with no account
verifies it by the public id printed in the PDF and by uploading the file.

The learner's and the visitor's pages run 375 CSS pixels wide; every page
they see is checked once with axe-core (WCAG 2.2 AA) and for sideways
overflow, and the problems are gathered in a :class:`Checks` to be asserted
empty at the end of the journey (so one run lists all of them).
"""

from __future__ import annotations

import io
import re
import subprocess
import time
from datetime import date
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from playwright.sync_api import expect
from pyhanko.pdf_utils.reader import PdfFileReader

from certification.models import ProgramEligibility
from courses.models import LessonPage
from plugins.models import Assessment, Attempt
from tests.browser.a11y import axe_violations, sideways_overflow
from tests.browser.conftest import artifact_path
from tests.browser.test_platform_journeys import PASSWORD
from tests.browser.test_verify_pages import in_thread
from tests.certification.road import grade

PHONE = {"width": 375, "height": 780}


class Checks:
    """axe-core and 375 px overflow, once per page (and state) seen."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[str] = []
        self.seen: set[str] = set()
        self.started = time.monotonic()

    def page(self, page, state: str = "") -> None:
        path = urlsplit(page.url).path
        key = f"{re.sub(r'/[0-9]+/', '/<n>/', path)} {state}".strip()
        if key in self.seen:
            return
        self.seen.add(key)
        page.wait_for_load_state("load")
        found = [f"overflow: {line}" for line in sideways_overflow(page)]
        found += [f"axe: {line}" for line in axe_violations(page)]
        self.problems += [f"{key}: {line}" for line in found]

    def assert_clean(self) -> None:
        elapsed = time.monotonic() - self.started
        print(f"\njourney {self.name}: {elapsed:.1f} s, {len(self.seen)} pages checked")
        assert not self.problems, "\n".join(self.problems)


def learner_named(email):
    return get_user_model().objects.get(email=email)


def log_in_as(context, live_server, username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )


def sign_up_and_log_in(page, checks, *, country, national_id, email, name):
    """Sign up with the country's ID, confirm the e-mailed link, log in."""
    page.goto("/accounts/signup/")
    checks.page(page)
    page.fill("#id_email", email)
    page.fill("#id_legal_name", name)
    page.select_option("#id_country", country)
    page.fill("#id_national_id", national_id)
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.get_by_role("button", name="Registrarse").click()
    expect(page).to_have_url(re.compile(r"/accounts/confirm-email/$"))
    checks.page(page)
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[-1].body)
    page.goto(link.group(0))
    checks.page(page, "link")
    page.get_by_role("button", name="Confirmar").click()
    page.goto("/accounts/login/")
    checks.page(page)
    page.fill("#id_login", email)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Mi aprendizaje")
    checks.page(page)
    return learner_named(email)


def lesson_url(slug):
    return LessonPage.objects.get(slug=slug, locale__language_code="es").url


def assessment_section(page, url, title):
    """Open ``url`` and return the panel of the assessment called ``title``."""
    page.goto(url)
    return page.locator(f"#assessment-{Assessment.objects.get(title=title).pk}")


def take_assessment(page, checks, learner, url, title, *, text=None):
    """Start the assessment on ``url`` (a lesson or its own page) and send a
    passing answer (quiz) or a response for an assessor to judge."""
    section = assessment_section(page, url, title)
    checks.page(page)
    section.get_by_role("button", name="Comenzar la evaluación").click()
    attempt = Attempt.objects.filter(learner=learner).latest("pk")
    plugin_id = attempt.assessment.plugin_id
    checks.page(page, f"form {plugin_id}")
    presented = attempt.presented
    if plugin_id == "quiz":
        for question in presented["questions"]:
            if question["kind"] == "short":
                page.fill(f'input[name="{question["id"]}"]', question["accepted"][0])
            else:
                for value in question["correct"]:
                    page.check(f'input[name="{question["id"]}"][value="{value}"]')
    elif plugin_id == "rubric":
        section.locator('textarea[name="text"]').fill(text or "Mi trabajo, descrito.")
    elif plugin_id == "portfolio":
        page.fill('input[name="item-1-link"]', "https://example.org/mi-trabajo")
        page.fill('input[name="item-1-note"]', "Registro del trabajo terminado.")
        for criterion in presented["criteria"]:
            page.check(f'input[name="item-1-criteria"][value="{criterion["id"]}"]')
    section.get_by_role("button", name="Enviar respuestas").click()
    if plugin_id == "quiz":
        expect(section.locator(".assessment-result .status-label")).to_have_text(
            "Aprobada"
        )
    else:
        expect(section).to_contain_text("Un evaluador la revisará")
    checks.page(page, f"sent {plugin_id}")
    return Attempt.objects.get(pk=attempt.pk)


def grade_in_the_cms(page, attempt, *, place="Taller de la persona evaluada"):
    """The assessor takes the attempt from the queue (or opens it if it is
    already theirs) and judges every criterion competent."""
    page.goto("/admin/assessments/queue/")
    row = page.locator(f'tr[data-attempt="{attempt.pk}"]')
    expect(row).to_contain_text(attempt.learner.legal_name)
    take = row.get_by_role("button", name="Tomar")
    if take.count():
        take.click()
    else:
        row.get_by_role("link", name="Calificar").click()
    presented = attempt.presented
    plugin_id = attempt.assessment.plugin_id
    if plugin_id == "rubric":
        for criterion in presented["rubric"]:
            top = max(criterion["levels"], key=lambda level: level["points"])
            page.check(f'input[name="{criterion["id"]}"][value="{top["id"]}"]')
    elif plugin_id == "portfolio":
        for criterion in presented["criteria"]:
            page.check(f'input[name="verdict-{criterion["id"]}"][value="competent"]')
    else:
        page.fill('input[name="observed_on"]', date.today().isoformat())
        page.fill('input[name="place"]', place)
        for criterion in presented["criteria"]:
            page.check(f'input[name="met-{criterion["id"]}"]')
    page.fill('textarea[name="feedback"]', "Competente en todos los criterios.")
    page.screenshot(path=artifact_path(f"road-grading-{plugin_id}"), full_page=True)
    page.get_by_role("button", name="Registrar calificación").click()
    expect(page.locator(f'tr[data-attempt="{attempt.pk}"]')).to_have_count(0)


def grade_by_service(attempts, assessor):
    """The assessor's judgement through the service (the CMS grading pages are
    walked by the Chilean journey); a thread of its own, since issuing signs
    with asyncio.run()."""
    for attempt in attempts:
        in_thread(grade, Attempt.objects.get(pk=attempt.pk), assessor)


def approve_by_service(officer_name, learner, program):
    """The country's officer approves from the approval queue (posted as the
    page's form would; the page itself is walked by the Chilean journey)."""

    def approve():
        officer = Client()
        officer.force_login(get_user_model().objects.get(username=officer_name))
        queue = officer.get("/admin/credentials/approvals/").content.decode()
        row = ProgramEligibility.objects.get(learner=learner, program=program)
        assert str(row.pk) in re.findall(r'name="eligibility" value="(\d+)"', queue)
        officer.post("/admin/credentials/approvals/", {"eligibility": [row.pk]})

    in_thread(approve)


def download_certificate(page, record, credential) -> bytes:
    """Download the PDF from the record and return its bytes."""
    with page.expect_download() as download_info:
        record.get_by_role("link", name="Descargar el PDF").click()
    with open(download_info.value.path(), "rb") as handle:
        pdf = handle.read()
    assert pdf[:5] == b"%PDF-"
    assert credential.public_id in download_info.value.suggested_filename
    return pdf


def public_id_printed_in(pdf: bytes) -> str:
    """The public id the certificate prints under its QR code, read back from
    the PDF's own metadata (the certificate page lists it as a keyword)."""
    info = PdfFileReader(io.BytesIO(pdf)).trailer["/Info"]
    keywords = str(info["/Keywords"])
    return re.search(r"\b[0-9a-z]{16,}\b", keywords.split(",")[-1]).group(0)


def qr_code_target(pdf: bytes, tmp_path) -> str:
    """What a phone reads from the certificate's QR code: the page rendered by
    poppler, decoded by zbar (both from .ci/debian-packages)."""
    path = tmp_path / "qr-source.pdf"
    path.write_bytes(pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(path),
            str(tmp_path / "qr-page"),
        ],
        check=True,
    )
    pages = sorted(tmp_path.glob("qr-page*.png"))
    scanned = subprocess.run(
        ["zbarimg", "--quiet", "--raw", *map(str, pages)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert len(scanned) == 1, scanned
    return scanned[0]


def visitor_verifies(chromium, live_server, checks, pdf: bytes, tmp_path, name):
    """Someone with no account scans the certificate's QR code and opens its
    address, then uploads the PDF itself on /verify/: both say «Válido»."""
    public_id = public_id_printed_in(pdf)
    target = qr_code_target(pdf, tmp_path)
    assert target == f"{live_server.url}/verify/{public_id}/"
    context = chromium.new_context(
        base_url=live_server.url, locale="es-CL", viewport=PHONE
    )
    try:
        page = context.new_page()
        page.goto(target)
        verdict = page.locator(".verdict")
        expect(verdict).to_have_attribute("data-verdict", "valid")
        expect(verdict.locator(".verdict-word")).to_have_text(
            re.compile("^\\s*Válido\\s*$", re.IGNORECASE)
        )
        expect(page.locator(".holder-name")).to_have_text(name)
        checks.page(page, "visitor")
        path = tmp_path / "certificado.pdf"
        path.write_bytes(pdf)
        page.goto("/verify/")
        checks.page(page, "visitor")
        page.set_input_files("input[name=pdf]", str(path))
        page.get_by_role("button", name="Comprobar el archivo").click()
        expect(page.locator(".verdict")).to_have_attribute("data-verdict", "valid")
        checks.page(page, "visitor upload")
    finally:
        context.close()
    return public_id
