"""Private storage for learner and assessor uploads.

Files live under ``settings.PRIVATE_MEDIA_ROOT``, never under ``MEDIA_ROOT``,
have no public URL, and are served only by ``plugins.views.attempt_file``,
which checks who is asking.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible


@deconstructible
class PrivateStorage(FileSystemStorage):
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


private_storage = PrivateStorage()
