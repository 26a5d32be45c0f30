"""The HTTP server: handlers translate HTTP to the feed and ingest services and back."""

from ctevents.server.app import create_app
from ctevents.server.settings import Settings

__all__ = ["Settings", "create_app"]
