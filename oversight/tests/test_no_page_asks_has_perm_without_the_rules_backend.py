"""Pages ask ``casework.policy_rules``' predicates directly, so the ``rules`` object-permission
backend is not configured; the day code asks ``has_perm`` (or a template ``perms``), it must be.

Without the backend, ``has_perm("oversight.…")`` answers False for every user but a
superuser, and the page it guards would refuse everyone.
"""

import ast
import re
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
BACKEND = "rules.permissions.ObjectPermissionBackend"


def asks_has_perm(path: Path) -> bool:
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Attribute) and node.attr in ("has_perm", "has_perms"):
            return True
    return False


def test_no_code_or_template_asks_has_perm_unless_the_rules_backend_is_configured():
    if BACKEND in settings.AUTHENTICATION_BACKENDS:
        return
    code = [p for p in ROOT.rglob("*.py") if "tests" not in p.parts and asks_has_perm(p)]
    templates = [p for p in ROOT.rglob("templates/**/*.html")
                 if re.search(r"\bperms\.", p.read_text())]  # fmt: skip
    asking = [str(p.relative_to(ROOT)) for p in code + templates]
    assert asking == [], f"{asking} ask has_perm: add {BACKEND} to AUTHENTICATION_BACKENDS"
