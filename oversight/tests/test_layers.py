"""The layers of the design: each imports only those below it; pure rules import no Django."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {
    "timescales": 0,
    "codes": 0,
    "accounts": 1,
    "casework": 1,
    "inspection": 2,
    "quality": 2,
    "performance": 2,
    "exchange": 2,
    "synth": 2,
    "web": 3,
    "api": 3,
    "jobs": 3,
    "cli": 3,
    "config": 3,
    "tests": 3,
}
PURE = [
    "timescales",
    "codes",
    "inspection/frameworks",
    "inspection/standing.py",
    "exchange/ofsted_outcomes/read.py",
    "exchange/ofsted_outcomes/spec.py",
    "exchange/validation",
    "exchange/cin_census/spec.py",
    "exchange/cin_census/read.py",
    "exchange/cin_census/validate.py",
    "exchange/cin_census/rules",
    "exchange/ssda903/spec.py",
    "exchange/ssda903/codes.py",
    "exchange/ssda903/read.py",
    "exchange/ssda903/validate.py",
    "exchange/ssda903/rules",
    "exchange/annex_a/spec.py",
    "exchange/annex_a/windows.py",
    "exchange/annex_a/values.py",
    "exchange/annex_a/read.py",
]


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def modules(under: str) -> list[Path]:
    place = ROOT / under
    files = [place] if place.is_file() else place.rglob("*.py")
    return [f for f in files if "tests" not in f.relative_to(ROOT).parts]


def test_no_package_imports_from_a_layer_above_it():
    wrong = []
    for package, layer in LAYERS.items():
        for path in modules(package):
            for name in imports(path):
                parts = name.split(".")
                if parts[0] == "oversight" and len(parts) > 1 and LAYERS.get(parts[1], 0) > layer:
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []


def pure_module(name: str) -> bool:
    dotted = name.replace(".", "/")
    return any(dotted.startswith(f"oversight/{p.removesuffix('.py')}") for p in PURE)


def test_the_pure_rules_import_no_django_and_nothing_impure():
    wrong = []
    for under in PURE:
        for path in modules(under):
            for name in imports(path):
                impure = name.startswith("oversight") and not pure_module(name)
                if name.split(".")[0] == "django" or impure:
                    wrong.append(f"{path.relative_to(ROOT)} imports {name}")
    assert wrong == []
