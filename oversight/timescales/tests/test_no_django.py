"""The timescale engine is a foundation: importing it must not import Django."""

import subprocess
import sys


def test_importing_timescales_does_not_import_django() -> None:
    check = (
        "import sys, oversight.timescales; "
        "loaded = [m for m in sys.modules if m == 'django' or m.startswith('django.')]; "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", check], check=True)
