"""The access log as JSON lines, one object per finished request (streams when they end)."""

from __future__ import annotations

import logging
import time
from typing import Any

import orjson
from aiohttp.abc import AbstractAccessLogger
from aiohttp.web import BaseRequest, StreamResponse

ACCESS_LOGGER = logging.getLogger("ctevents.access")
# Query parameters never written to the log.
SECRET_PARAMETERS = frozenset({"token"})


class JsonAccessLogger(AbstractAccessLogger):
    """Use as `access_log_class`; writes to the `ctevents.access` logger."""

    def log(self, request: BaseRequest, response: StreamResponse, time_taken: float) -> None:
        query = {k: ("***" if k in SECRET_PARAMETERS else v) for k, v in request.query.items()}
        record: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "remote": request.remote,
            "method": request.method,
            "path": request.path,
            "query": query,
            "status": response.status,
            "bytes": response.body_length,
            "duration_ms": round(time_taken * 1000, 2),
            "user_agent": request.headers.get("User-Agent"),
        }
        self.logger.info(orjson.dumps(record).decode())
