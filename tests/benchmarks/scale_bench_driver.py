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


def prepare(count: int) -> None:
    """``count`` pending credentials, not queued (outside the timed round)."""
    from django.contrib.auth import get_user_model

    from certification.issuance.service import credential_issue
    from certification.models import CertificationProgram

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


def issue_round() -> tuple[float, float]:
    """Queue every prepared credential and wait until the workers have
    issued them all: (seconds, this process's CPU seconds meanwhile)."""
    from certification.issuance.tasks import issue_credential
    from certification.models import Credential

    ids = list(
        Credential.objects.filter(status="pending", program__code="bench")
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    assert ids, "nothing prepared"
    # The broker connection and the producer are made before the clock starts.
    with issue_credential.app.producer_or_acquire() as producer:
        producer.connection.ensure_connection()
    started, cpu_started = time.perf_counter(), time.process_time()
    for pk in ids:
        issue_credential.delay(pk)
    deadline = started + 1800
    # One light query every quarter of a second: the driver shares the CPUs
    # with the workers it measures (a poll every 50 ms took a third of a core).
    while time.perf_counter() < deadline:
        errors = list(
            Credential.objects.filter(pk__in=ids, status="pending").values_list(
                "last_error", flat=True
            )
        )
        if not errors:
            break
        assert not any(errors), next(error for error in errors if error)
        time.sleep(0.25)
    else:
        raise RuntimeError("the workers did not finish in 30 minutes")
    return time.perf_counter() - started, time.process_time() - cpu_started


if __name__ == "__main__":
    django.setup()
    command = sys.argv[1]
    if command == "seed":
        seed(int(sys.argv[2]))
    elif command == "prepare":
        prepare(int(sys.argv[2]))
    else:
        print("{:.3f} {:.3f}".format(*issue_round()))
