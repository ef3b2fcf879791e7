"""The reference validators, installed from PyPI into throwaway environments for comparison.

They are never project dependencies: each lives in its own virtual environment under the
system's temporary folder, made on first use and reused while it lasts.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import venv
from pathlib import Path


def reference_python(requirement: str, *extra: str) -> str:
    """The Python of a virtual environment with ``requirement`` (and ``extra``) installed."""
    name = requirement.replace("==", "-").replace(".", "_")
    home = Path(tempfile.gettempdir()) / f"oversight-reference-{name}"
    python = home / "bin" / "python"
    marker = home / "installed"
    if not marker.exists():
        print(f"installing {requirement} into a throwaway environment ...", file=sys.stderr)
        venv.create(home, with_pip=True, clear=True)
        subprocess.run(
            [str(python), "-m", "pip", "install", "--quiet", requirement, *extra], check=True
        )
        marker.write_text(requirement)
    return str(python)
