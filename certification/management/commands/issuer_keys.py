"""Generate or install the key material of the credential issuers.

    python manage.py issuer_keys --issuer CL      # one issuer (idempotent; adds
                                                  # the RSA key to older folders)
    python manage.py issuer_keys --all            # the four ministries
    python manage.py issuer_keys --issuer CL --rotate
    python manage.py issuer_keys --issuer CL --install-cert cert.pem \\
        --install-key key.pem                     # a CA-issued certificate
    python manage.py issuer_keys --all --encrypt  # encrypt the private key
                                                  # files with LMS_KEY_PASSPHRASE
                                                  # (from LMS_KEY_OLD_PASSPHRASE)
    python manage.py issuer_keys --issuer CL --hsm [--token LABEL]
                                                  # new keys generated in the
                                                  # PKCS#11 token (LMS_PKCS11_*)

Keys go to ``settings.LMS_KEY_DIR/<CODE>/`` (see certification.credentials.keys).
"""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from certification.credentials import keys
from lms.reference.data import COUNTRIES


def _ministries() -> dict[str, str]:
    return {row["code"]: row["ministry_name_es"] for row in COUNTRIES}


class Command(BaseCommand):
    help = (
        "Genera las claves Ed25519 y RSA (JWT RS256) y el certificado de firma "
        "PDF de cada emisor "
        "en LMS_KEY_DIR, o instala un certificado emitido por una autoridad."
    )

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--issuer", help="Código del emisor (CL, CO, MX, PE).")
        target.add_argument("--all", action="store_true", help="Todos los emisores.")
        parser.add_argument(
            "--rotate",
            action="store_true",
            help="Agrega una clave nueva y reemplaza el certificado de firma.",
        )
        parser.add_argument("--organisation", help="Nombre del sujeto del certificado.")
        parser.add_argument(
            "--algorithm",
            choices=["ec-p256", "rsa-3072"],
            default="ec-p256",
            help="Algoritmo del certificado autofirmado.",
        )
        parser.add_argument("--install-cert", help="Certificado PEM/DER (con cadena).")
        parser.add_argument("--install-key", help="Clave privada del certificado.")
        parser.add_argument(
            "--encrypt",
            action="store_true",
            help=(
                "Cifra los archivos de clave privada con LMS_KEY_PASSPHRASE "
                "(los cifrados con otra frase, con LMS_KEY_OLD_PASSPHRASE)."
            ),
        )
        parser.add_argument(
            "--hsm",
            action="store_true",
            help="Genera las claves nuevas en el HSM (PKCS#11, LMS_PKCS11_*).",
        )
        parser.add_argument(
            "--token", help="Etiqueta del token PKCS#11 (por omisión LMS_PKCS11_TOKEN)."
        )

    def handle(self, *args, **options):
        ministries = _ministries()
        codes = sorted(ministries) if options["all"] else [options["issuer"].upper()]
        for code in codes:
            if code not in ministries:
                raise CommandError(
                    f"Emisor desconocido: {code} (válidos: {', '.join(ministries)})."
                )
        if options["install_cert"] or options["install_key"]:
            self._install(codes, options)
            return
        if options["encrypt"]:
            self._encrypt(codes)
            return
        token = None
        if options["hsm"] or options["token"]:
            token = options["token"] or getattr(settings, "LMS_PKCS11_TOKEN", "")
            if not getattr(settings, "LMS_PKCS11_MODULE", "") or not token:
                raise CommandError(
                    "--hsm necesita LMS_PKCS11_MODULE y un token "
                    "(--token o LMS_PKCS11_TOKEN)."
                )
        for code in codes:
            try:
                result = keys.issuer_keys_generate(
                    issuer_code=code,
                    organisation=options["organisation"] or ministries[code],
                    rotate=options["rotate"],
                    certificate_algorithm=options["algorithm"],
                    hsm_token=token,
                )
            except keys.KeyMaterialError as exc:
                raise CommandError(str(exc)) from exc
            created = (
                result.ed25519_created
                or result.certificate_created
                or result.rsa_created
            )
            self.stdout.write(
                f"{code}: {'created' if created else 'kept'} {result.directory} "
                f"({keys.verification_method_id(code)})"
            )

    def _encrypt(self, codes):
        passphrase = keys.key_passphrase()
        if not passphrase:
            raise CommandError("LMS_KEY_PASSPHRASE no está definida: nada que cifrar.")
        old = os.environ.get("LMS_KEY_OLD_PASSPHRASE", "").encode() or None
        for code in codes:
            # An issuer's files are all read before any is written: with a
            # wrong passphrase nothing changes.
            try:
                changed = keys.encrypt_key_files(
                    code, passphrase=passphrase, old_passphrase=old
                )
            except keys.KeyMaterialError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"{code}: {len(changed)} private key file(s) encrypted")

    def _install(self, codes, options):
        if len(codes) != 1 or not (options["install_cert"] and options["install_key"]):
            raise CommandError(
                "--install-cert y --install-key van juntos y con un solo --issuer."
            )
        try:
            installed = keys.issuer_certificate_install(
                issuer_code=codes[0],
                cert_path=options["install_cert"],
                key_path=options["install_key"],
            )
        except keys.KeyMaterialError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"{codes[0]}: installed {installed.certificate.subject.rfc4514_string()}"
        )
