"""Concurrent requests against a file SQLite database with the project's own
settings (``lms.settings.dev``), run in a fresh process by
``test_sqlite_concurrency``: prints each burst's status codes as JSON.

Each thread has its own database connection, as each request of a threaded
server does; a barrier starts the requests of a burst together.
"""

import json
import threading

import django


def burst(request, count: int) -> list[int]:
    from django.db import connection

    barrier = threading.Barrier(count)
    codes: list[int] = []

    def run():
        try:
            barrier.wait()
            codes.append(request().status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(codes)


def client(user=None):
    from django.test import Client

    browser = Client(raise_request_exception=False, HTTP_HOST="localhost")
    if user is not None:
        browser.force_login(user)
    return browser


def main() -> None:
    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse

    from certification.credentials import keys
    from certification.issuance.service import credential_issue
    from plugins.services import attempt_start
    from tests.assessments.conftest import author, quiz_data
    from tests.certification.conftest import make_program, make_standard
    from tests.factories import UserFactory

    call_command("migrate", verbosity=0)
    journal = connection.cursor().execute("PRAGMA journal_mode").fetchone()[0]
    keys.issuer_keys_generate(issuer_code="CL", organisation="Ministerio de Prueba")
    program = make_program(make_standard("CL", units=1, criteria=0))
    holder = UserFactory()
    credential_issue(user=holder, program=program, force=True)

    quiz = author("quiz", quiz_data(), title="Cuestionario", pass_mark=75)
    learner = UserFactory()
    attempt = attempt_start(assessment=quiz, learner=learner)
    submit = reverse("plugins:submit", args=[attempt.pk])
    learners = [client(learner) for _ in range(4)]
    clients = iter(learners)
    connection.close()

    results = {
        "journal_mode": journal,
        "status_lists": burst(
            lambda: client().get("/api/v1/status-lists/cl/revocation"), 4
        ),
        "quiz_submissions": burst(lambda: next(clients).post(submit, {}), 4),
    }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
