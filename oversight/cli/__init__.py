"""The ``oversight`` command: each module adds its commands to the one group."""

from oversight.cli import indicators, records
from oversight.cli.base import main

__all__ = ["indicators", "main", "records"]
