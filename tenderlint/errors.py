"""Errors a user's input can cause: each has a stable code and a one-line message."""

from __future__ import annotations


class ReadError(Exception):
    """A file that cannot be read. ``code`` is stable (documented in the README)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


class ConfigError(Exception):
    """A bad option, config file or ruleset: the message names the file and the field."""
