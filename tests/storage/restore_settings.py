"""The test settings for a second process restoring a backup: its database,
key directory, storage folders and bucket come from the environment."""

import os
from pathlib import Path

import dj_database_url

from lms.ops.objectstore import s3_storages_from_env
from lms.settings.base import env
from lms.settings.test import *  # noqa: F403
from lms.settings.test import STORAGES

DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
LMS_KEY_DIR = Path(os.environ["LMS_KEY_DIR"])
PRIVATE_MEDIA_ROOT = Path(os.environ["LMS_PRIVATE_MEDIA_ROOT"])
MEDIA_ROOT = Path(os.environ["DJANGO_MEDIA_ROOT"])
STORAGES = {**STORAGES, **s3_storages_from_env(env)}
