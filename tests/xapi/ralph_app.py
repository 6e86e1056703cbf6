"""Ralph's LRS API (``ralph.api:app``) with its filesystem backend appending
to its statements file. Ralph's filesystem backend creates the file on the
first write and refuses every later one (it is meant for a single import);
everything else (authentication, validation of each statement, conflicts on
ids, queries) is Ralph's own. Run with uvicorn from Ralph's virtualenv:
``uvicorn --app-dir tests/xapi ralph_app:app``."""

from ralph.api import app
from ralph.backends.data.base import BaseOperationType
from ralph.backends.data.fs import FSDataBackend

FSDataBackend.default_operation_type = BaseOperationType.APPEND

__all__ = ["app"]
