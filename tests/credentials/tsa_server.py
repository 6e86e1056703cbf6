"""A time-stamping authority for the tests: a real HTTP server on a free port
that answers RFC 3161 requests (``application/timestamp-query`` in,
``application/timestamp-reply`` out).

The tokens are made by pyHanko's own responder (``DummyTimeStamper``) with a
TSA certificate of this module's own CA: an RSA key, extended key usage
timeStamping (critical), as RFC 3161 asks of a TSA.
"""

from __future__ import annotations

import datetime as dt
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.timestamps import DummyTimeStamper


@dataclass
class Tsa:
    url: str
    root: x509.Certificate  # the CA to trust to trust the tokens
    certificate: x509.Certificate
    requests: list  # the TimeStampReq objects answered


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Sellos de Prueba"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _certificate(subject, issuer, public_key, signing_key, *, ca: bool):
    now = dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(public_key)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if ca:
        builder = builder.add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
    else:
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    return builder.sign(signing_key, hashes.SHA256())


def _asn1(certificate: x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(
        certificate.public_bytes(serialization.Encoding.DER)
    )


@contextmanager
def running_tsa():
    """Start the authority on 127.0.0.1 (a free port); stop it on exit."""
    root_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    root = _certificate(
        "CA de sellos", "CA de sellos", root_key.public_key(), root_key, ca=True
    )
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa_cert = _certificate(
        "Autoridad de sellado", "CA de sellos", tsa_key.public_key(), root_key, ca=False
    )
    stamper = DummyTimeStamper(
        tsa_cert=_asn1(tsa_cert),
        tsa_key=asn1_keys.PrivateKeyInfo.load(
            tsa_key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        ),
        certs_to_embed=[_asn1(root)],
    )
    answered: list = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.headers.get("Content-Type") != "application/timestamp-query":
                self.send_error(415, "expected application/timestamp-query")
                return
            try:
                request = tsp.TimeStampReq.load(body)
                imprint = request["message_imprint"].native  # parsed in full
            except ValueError:
                imprint = None
            if not imprint:
                self.send_error(400, "not a TimeStampReq")
                return
            answer = stamper.request_tsa_response(request).dump()
            answered.append(request)
            self.send_response(200)
            self.send_header("Content-Type", "application/timestamp-reply")
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Tsa(
            url=f"http://127.0.0.1:{server.server_address[1]}/tsa",
            root=root,
            certificate=tsa_cert,
            requests=answered,
        )
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def unreachable_url() -> str:
    """The address of a port nobody listens on (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/tsa"
