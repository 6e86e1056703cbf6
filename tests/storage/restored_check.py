"""What a verifier finds for every credential: run in the test process
before a backup, and by ``python -m tests.storage.restored_check`` in the
process that restored it (prints JSON)."""

import json


def credentials_report() -> dict:
    from django.test import Client

    from certification.issuance.storage import artefact_read
    from certification.models import Credential
    from certification.verification.checks import pdf_verify

    client = Client()
    report = {}
    for credential in Credential.objects.order_by("public_id"):
        result = pdf_verify(artefact_read(credential.pdf_file))
        page = client.get(f"/verify/{credential.public_id}/")
        report[credential.public_id] = {
            "status": credential.status,
            "status_reason": credential.status_reason,
            "pdf_verdict": result.verdict.value,
            "pdf_checks": {c.name: c.passed for c in result.report.checks},
            "page": page.status_code,
            "page_verdict": page.content.decode()
            .split('data-verdict="', 1)[-1]
            .split('"', 1)[0],
            "json_bytes": len(artefact_read(credential.json_file)),
            "jwt_bytes": len(artefact_read(credential.jwt_file)),
        }
    return report


if __name__ == "__main__":
    import django

    django.setup()
    print(json.dumps(credentials_report()))
