"""Seed the verification benchmark's database: issuer keys, a program and
``count`` credentials issued through the real issuance service.

    python -m tests.benchmarks.verification_bench_seed COUNT OUT_DIR

Writes the public ids to OUT_DIR/ids.txt, one a line, and the first
credential's PDF to OUT_DIR/certificate.pdf.
"""

import sys

import django


def main(count: int, out_dir: str) -> None:
    django.setup()
    from django.utils import timezone

    from certification.credentials import keys
    from certification.issuance.service import credential_issue
    from certification.issuance.storage import artefact_read
    from tests.certification.conftest import make_program, make_standard
    from tests.factories import UserFactory, evidence_attested

    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    program = make_program(
        make_standard("CL", units=3, criteria=0), code="bench", validity_years=3
    )
    assessor = UserFactory(legal_name="Evaluadora")
    ids = []
    for number in range(count):
        user = UserFactory(legal_name=f"Persona {number}")
        for unit in program.required_units.all():
            evidence_attested(
                learner=user,
                unit=unit,
                assessor=assessor,
                source_id=f"bench-{unit.pk}",
                assessed_at=timezone.now(),
            )
        credential = credential_issue(user=user, program=program)
        credential.refresh_from_db()
        assert credential.status == "active", credential.last_error
        ids.append(credential.public_id)
        if number == 0:
            with open(f"{out_dir}/certificate.pdf", "wb") as handle:
                handle.write(artefact_read(credential.pdf_file))
    with open(f"{out_dir}/ids.txt", "w") as handle:
        handle.write("\n".join(ids))


if __name__ == "__main__":
    main(int(sys.argv[1]), sys.argv[2])
