"""Capture log lines as the production formatter writes them (JSON), with a
handler of our own (the PostgreSQL pass runs with ``-p no:logging``)."""

import contextlib
import io
import json
import logging

from lms.observability.logs import formatter


@contextlib.contextmanager
def json_log_lines(*names: str):
    """Yield a function returning the JSON records written so far by the
    loggers ``names`` (at INFO and above)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(formatter("json"))
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
