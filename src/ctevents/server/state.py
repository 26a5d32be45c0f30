"""Typed application state shared by the resource modules: settings, store, log watcher."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import ModuleType
from typing import Any

from aiohttp import web

from ctevents.feed import LogWatcher
from ctevents.server.settings import Settings
from ctevents.store import Store

# A named part of `/healthz` (e.g. one per projection): returns its JSON-ready status.
HealthReporter = Callable[[web.Application], Awaitable[dict[str, Any]]]

SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
WATCHER = web.AppKey("watcher", LogWatcher)
RESOURCES = web.AppKey("resources", tuple[ModuleType, ...])
PROJECTION_HEALTH = web.AppKey("projection_health", dict[str, HealthReporter])
