"""Uploaded content packages (zip files): checked before anything is unpacked,
then unpacked into private storage.

The checks read only the zip's central directory: the upload's size, the
number of entries, the total uncompressed size, each entry's compression
ratio, and every path (no absolute paths, no ``..``, no backslashes, no drive
letters, no symbolic links, no duplicates). A package failing any of them is
refused with a message naming the limit, and nothing is stored.
"""

from __future__ import annotations

import posixpath
import stat
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from plugins.storage import private_storage


@dataclass(frozen=True)
class PackageLimits:
    max_upload: int = 200 * 1024 * 1024
    max_total: int = 500 * 1024 * 1024
    max_entries: int = 5000
    max_ratio: int = 100


def limits(sector: str = "") -> PackageLimits:
    """The limits for a package: ``LMS_CONTENT_PACKAGE_LIMITS`` over the
    defaults, then the sector's own (``LMS_CONTENT_PACKAGE_LIMITS_BY_SECTOR``,
    by sector code) over those."""
    values = dict(getattr(settings, "LMS_CONTENT_PACKAGE_LIMITS", {}))
    if sector:
        by_sector = getattr(settings, "LMS_CONTENT_PACKAGE_LIMITS_BY_SECTOR", {})
        values.update(by_sector.get(sector, {}))
    return PackageLimits(**values)


def sectors_with_limits() -> list[str]:
    """Codes of the sectors that have limits of their own."""
    return sorted(getattr(settings, "LMS_CONTENT_PACKAGE_LIMITS_BY_SECTOR", {}))


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


def package_open(upload, *, sector: str = "") -> zipfile.ZipFile:
    """The checked zip of ``upload`` (an uploaded file), within the limits of
    ``sector`` (a sector code; empty: the general limits). Raises
    ``ValidationError`` with the reason when the package is unsafe."""
    bounds = limits(sector)
    if upload.size > bounds.max_upload:
        raise ValidationError(
            _("El paquete pesa más de %(limit)s; no se acepta.")
            % {"limit": _mb(bounds.max_upload)}
        )
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, EOFError):
        raise ValidationError(
            _("El archivo no es un paquete ZIP válido o está dañado.")
        ) from None
    if len(infos) > bounds.max_entries:
        raise ValidationError(
            _("El paquete contiene más de %(limit)s archivos; no se acepta.")
            % {"limit": bounds.max_entries}
        )
    total = 0
    seen = set()
    for info in infos:
        name = info.filename
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise ValidationError(
                _("El paquete contiene un enlace simbólico (%(name)s); no se acepta.")
                % {"name": name}
            )
        normal = posixpath.normpath(name)
        if (
            "\\" in name
            or name.startswith("/")
            or (len(name) > 1 and name[1] == ":")
            or normal == ".."
            or normal.startswith("../")
            or "/../" in f"/{name}/"
            or "\x00" in name
        ):
            raise ValidationError(
                _(
                    "El paquete contiene una ruta no permitida (%(name)s): "
                    "rutas absolutas o que salen de la carpeta del paquete."
                )
                % {"name": name}
            )
        if normal.lower() in seen:
            raise ValidationError(
                _("El paquete contiene dos veces el archivo %(name)s.") % {"name": name}
            )
        seen.add(normal.lower())
        total += info.file_size
        if total > bounds.max_total:
            raise ValidationError(
                _("El paquete descomprimido pesaría más de %(limit)s; no se acepta.")
                % {"limit": _mb(bounds.max_total)}
            )
        if info.file_size > 1024 * 1024 and info.file_size > bounds.max_ratio * max(
            info.compress_size, 1
        ):
            raise ValidationError(
                _(
                    "El archivo %(name)s del paquete está comprimido de forma "
                    "anómala (más de %(ratio)s veces); no se acepta."
                )
                % {"name": name, "ratio": bounds.max_ratio}
            )
    return archive


def package_files(archive: zipfile.ZipFile) -> list[str]:
    return [info.filename for info in archive.infolist() if not info.is_dir()]


def package_read(archive: zipfile.ZipFile, name: str) -> bytes:
    """One file of the checked ``archive``, never more than its declared size."""
    info = archive.getinfo(name)
    with archive.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise ValidationError(_("El paquete está dañado: %(name)s.") % {"name": name})
    return data


def package_unpack(archive: zipfile.ZipFile, prefix: str) -> None:
    """Write every file of the checked ``archive`` under ``prefix`` in private
    storage (names as in the zip: the checks guarantee they stay inside)."""
    for name in package_files(archive):
        private_storage.save(
            f"{prefix}/{posixpath.normpath(name)}",
            ContentFile(package_read(archive, name)),
        )


def package_delete(prefix: str) -> None:
    """Remove everything stored under ``prefix``."""
    import shutil

    path = private_storage.path(prefix)
    shutil.rmtree(path, ignore_errors=True)
