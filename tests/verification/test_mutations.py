"""A valid certificate mutated a few hundred ways is never «valid», and the
server never errs: every answer is a verdict."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.verification.conftest import pdf_of

from .pdfmutations import mutations

MUTATIONS = 300


def test_every_mutation_gets_a_non_valid_verdict_and_no_server_error(
    client, issue, settings
):
    settings.LMS_VERIFY_RATE_LIMITS = {"upload": (10_000, 60)}
    genuine, donor = issue(name="Ana Genuina"), issue(name="Berta Donante")
    pdf = pdf_of(genuine)
    assert (
        client.post(
            "/api/v1/verify/pdf", {"file": SimpleUploadedFile("c.pdf", pdf)}
        ).json()["verdict"]
        == "valid"
    )

    verdicts = {}
    for label, data in mutations(pdf, pdf_of(donor), count=MUTATIONS):
        response = client.post(
            "/api/v1/verify/pdf", {"file": SimpleUploadedFile("c.pdf", data)}
        )
        assert response.status_code == 200, label
        verdict = response.json()["verdict"]
        assert verdict != "valid", label
        verdicts[verdict] = verdicts.get(verdict, 0) + 1

    assert sum(verdicts.values()) == MUTATIONS
    assert verdicts.get("altered", 0) > MUTATIONS // 2
