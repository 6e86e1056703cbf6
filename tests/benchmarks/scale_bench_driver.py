"""The issuance-throughput benchmark's driver (not a test module).

    python -m tests.benchmarks.scale_bench_driver seed COUNT
    python -m tests.benchmarks.scale_bench_driver round COUNT

``seed`` generates the issuer's keys, a program and COUNT eligible learners.
``round`` issues COUNT of the learners who have no credential yet: creates
their pending credentials, queues one ``certification.issue_credential`` task
each (the path of automatic issuance) and prints the seconds from the first
task queued to the last credential active.
"""

import sys
import time

import django


def seed(count: int) -> None:
    from django.utils import timezone

    from certification.credentials import keys
    from tests.certification.conftest import make_program, make_standard
    from tests.factories import UserFactory, evidence_attested

    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio")
    program = make_program(
        make_standard("CL", units=3, criteria=0), code="bench", validity_years=3
    )
    assessor = UserFactory(legal_name="Evaluadora")
    units = list(program.required_units.all())
    for number in range(count):
        user = UserFactory(legal_name=f"Persona {number}")
        for unit in units:
            evidence_attested(
                learner=user,
                unit=unit,
                assessor=assessor,
                source_id=f"bench-{unit.pk}",
                assessed_at=timezone.now(),
            )


def issue_round(count: int) -> float:
    from django.contrib.auth import get_user_model

    from certification.issuance.service import credential_issue
    from certification.issuance.tasks import issue_credential
    from certification.models import CertificationProgram, Credential

    program = CertificationProgram.objects.get(code="bench")
    learners = (
        get_user_model()
        .objects.filter(legal_name__startswith="Persona ", credentials__isnull=True)
        .order_by("pk")[:count]
    )
    credentials = [
        credential_issue(user=learner, program=program, force=True, queue=False)
        for learner in learners
    ]
    assert len(credentials) == count, "not enough learners seeded"
    ids = [credential.pk for credential in credentials]
    started = time.perf_counter()
    for pk in ids:
        issue_credential.delay(pk)
    deadline = started + 1800
    while time.perf_counter() < deadline:
        pending = Credential.objects.filter(pk__in=ids, status="pending")
        if not pending.exists():
            break
        failed = pending.exclude(last_error="").first()
        assert failed is None, failed.last_error
        time.sleep(0.05)
    else:
        raise RuntimeError("the workers did not finish in 30 minutes")
    return time.perf_counter() - started


if __name__ == "__main__":
    django.setup()
    command, count = sys.argv[1], int(sys.argv[2])
    if command == "seed":
        seed(count)
    else:
        print(f"{issue_round(count):.3f}")
