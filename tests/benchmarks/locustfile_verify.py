"""Locust users of the load benchmark (not a test module): each simulated
person opens a credential's public verify page (the QR target) or asks the
status API about it, then waits a moment. ``BENCH_IDS`` names a file with the
public ids, one a line."""

import os
import random

from locust import HttpUser, between, task

IDS = open(os.environ["BENCH_IDS"]).read().split()  # noqa: SIM115


class Verifier(HttpUser):
    wait_time = between(0.5, 1.5)

    @task(1)
    def verify_page(self):
        public_id = random.choice(IDS)
        self.client.get(f"/verify/{public_id}/", name="/verify/[id]/")

    @task(1)
    def status_api(self):
        public_id = random.choice(IDS)
        with self.client.get(
            f"/api/v1/credentials/{public_id}",
            name="/api/v1/credentials/[id]",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or response.json().get("valid") is not True:
                response.failure(f"{response.status_code}: {response.text[:200]}")
