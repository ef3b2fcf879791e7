"""The ``oversight`` command: each module adds its commands to the one group."""

from oversight.cli import indicators, inspection, records
from oversight.cli.base import main

__all__ = ["indicators", "inspection", "main", "records"]
