"""Local development and `make demo`: SQLite, eager tasks, console e-mail."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
