"""Generate or install the key material of the credential issuers.

    python manage.py issuer_keys --issuer CL      # one issuer (idempotent; adds
                                                  # the RSA key to older folders)
    python manage.py issuer_keys --all            # the four ministries
    python manage.py issuer_keys --issuer CL --rotate
    python manage.py issuer_keys --issuer CL --install-cert cert.pem \\
        --install-key key.pem                     # a CA-issued certificate

Keys go to ``settings.LMS_KEY_DIR/<CODE>/`` (see certification.credentials.keys).
"""

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
        for code in codes:
            result = keys.issuer_keys_generate(
                issuer_code=code,
                organisation=options["organisation"] or ministries[code],
                rotate=options["rotate"],
                certificate_algorithm=options["algorithm"],
            )
            created = (
                result.ed25519_created
                or result.certificate_created
                or result.rsa_created
            )
            self.stdout.write(
                f"{code}: {'created' if created else 'kept'} {result.directory} "
                f"({keys.verification_method_id(code)})"
            )

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
