"""The ``oversight`` command: each module adds its commands to the one group."""

from oversight.cli import (
    accounts,
    annex_a,  # noqa: F401 (registers its commands)
    audit_log,
    backup,
    check,
    exchange,
    indicators,
    inspection,
    jobs,
    production,
    quality,
    records,
    retention,
    validate,
)
from oversight.cli.base import main

__all__ = [
    "accounts",
    "audit_log",
    "backup",
    "check",
    "exchange",
    "indicators",
    "inspection",
    "jobs",
    "main",
    "production",
    "quality",
    "records",
    "retention",
    "validate",
]
