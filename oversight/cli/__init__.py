"""The ``oversight`` command: each module adds its commands to the one group."""

from oversight.cli import indicators, inspection, quality, records
from oversight.cli.base import main

__all__ = ["indicators", "inspection", "main", "quality", "records"]
