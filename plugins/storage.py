"""Private storage for learner and assessor uploads.

Files live under ``settings.PRIVATE_MEDIA_ROOT`` (never under ``MEDIA_ROOT``),
or, when ``STORAGES`` has a ``private`` entry (object storage, see
lms.ops.objectstore), in that backend. They have no public URL and are served
only by ``plugins.views.attempt_file``, which checks who is asking (and may
answer with a short-lived signed URL of the bucket).
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.storage.handler import InvalidStorageError
from django.utils.deconstruct import deconstructible


class LocalPrivateStorage(FileSystemStorage):
    def __init__(self):
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no public URL.")


def private_backend() -> Storage:
    """``STORAGES["private"]`` when configured, else the local directory."""
    try:
        return storages["private"]
    except InvalidStorageError:
        return LocalPrivateStorage()


@deconstructible
class PrivateStorage(Storage):
    """The private backend chosen at each call (settings may change in tests)."""

    def _open(self, name, mode="rb"):
        return private_backend().open(name, mode)

    def _save(self, name, content):
        return private_backend().save(name, content)

    def get_available_name(self, name, max_length=None):
        return private_backend().get_available_name(name, max_length=max_length)

    def generate_filename(self, filename):
        return private_backend().generate_filename(filename)

    def delete(self, name):
        return private_backend().delete(name)

    def exists(self, name):
        return private_backend().exists(name)

    def listdir(self, path):
        return private_backend().listdir(path)

    def size(self, name):
        return private_backend().size(name)

    def path(self, name):
        return private_backend().path(name)

    def url(self, name, **kwargs):
        backend = private_backend()
        if isinstance(backend, LocalPrivateStorage):
            return backend.url(name)
        return backend.url(name, **kwargs)

    def get_modified_time(self, name):
        return private_backend().get_modified_time(name)

    def get_created_time(self, name):
        return private_backend().get_created_time(name)

    def get_accessed_time(self, name):
        return private_backend().get_accessed_time(name)

    def backend(self) -> Storage:
        return private_backend()


private_storage = PrivateStorage()
