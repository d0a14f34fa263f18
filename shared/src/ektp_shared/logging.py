"""Logs (JSON or plain text) that never show a whole NIK (UU 27/2022): not in the message,
not in a traceback, not in a URL-encoded query."""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging
import re
import sys

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)

# 16 digits standing alone: a NIK (or something shaped like one, masked all the same).
# A percent escape just before counts as a separator: in "%22" + NIK (a quoted NIK in a
# URL-encoded query) the "2" is no digit of the NIK; so is a twice-encoded one ("%2522").
_NIK = re.compile(
    r"(?:(?<!\d)|(?<=%[0-9A-Fa-f]{2})|(?<=%25[0-9A-Fa-f]{2}))(\d{6})\d{6}(\d{4})(?!\d)"
)


def mask_nik(text: str) -> str:
    """``7174014501900001`` -> ``717401******0001``: region and serial, not the birth date."""
    return _NIK.sub(r"\1******\2", text)


class NikMaskingFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask_nik(message)
        if masked != message or record.args:
            record.msg, record.args = masked, None
        return True


class MaskingFormatter(logging.Formatter):
    """Plain-text lines, masked whole: the message, the traceback and the stack."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_nik(super().format(record))


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(),
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "message": mask_nik(record.getMessage()),
        }
        request_id = request_id_var.get()
        if request_id:
            entry["request_id"] = request_id
        if record.exc_info:
            entry["exception"] = mask_nik(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = mask_nik(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(service: str, level: str = "INFO", as_json: bool = True) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.addFilter(NikMaskingFilter())
    if as_json:
        handler.setFormatter(JsonFormatter(service))
    else:
        handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    for noisy in ("aiokafka", "kafka"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # uvicorn's access log would print paths such as /residents/<NIK>: route it through ours.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
