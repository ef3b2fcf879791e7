"""The codes package is a foundation: importing and using it loads no Django."""

import subprocess
import sys

PROGRAM = """
import sys
import oversight.codes as codes
codes.describe("primary_need", "N1")
loaded = sorted(name for name in sys.modules if name == "django" or name.startswith("django."))
print(",".join(loaded))
"""


def test_importing_and_using_codes_loads_no_django_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROGRAM], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
