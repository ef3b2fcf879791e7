"""Extract the DfE code sets from the liia-tools reference schemas into ``oversight/codes/data/``.

Usage::

    python scripts/extract_codes.py [SPEC_DIR] [--check]

SPEC_DIR is liia-tools' ``liiatools/spec`` folder (default: ``../shared/reference/liia-tools/
liiatools/spec`` next to the repository). The latest CIN census XML schema and the latest
SSDA903 YAML schema found there give the codes, in the order the source lists them.

Descriptions come, in this order, from the source itself (XSD ``xs:documentation``, YAML
``name``), from ``oversight/codes/sources/dfe_descriptions.csv`` (the DfE's own wording,
written by hand where the source has none), or else are the code itself. A few slips in
the source text are corrected in ``CORRECTIONS`` below, so that each fix stays visible.

The script writes one ``<id>.csv`` per code set (``code,description``), ``index.csv``
(``id,title,source``) and ``SOURCES.md``. With ``--check`` it writes nothing and exits 1
if the committed files differ from what it would write.

Only the standard library is used: the YAML files are read by a small reader that knows
just the ``category: - code: / name:`` shape of the liia-tools SSDA903 schemas.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC_DIR = REPO_ROOT.parent / "shared" / "reference" / "liia-tools" / "liiatools" / "spec"
DATA_DIR = REPO_ROOT / "oversight" / "codes" / "data"
HAND_WRITTEN = REPO_ROOT / "oversight" / "codes" / "sources" / "dfe_descriptions.csv"
MANIFEST_NAME = "MANIFEST_data_standards.tsv"
XS = "{http://www.w3.org/2001/XMLSchema}"

CIN = "cin"
SSDA903 = "903"


@dataclass(frozen=True)
class Spec:
    """One code set to extract: where it lives in which collection's schema."""

    id: str
    title: str
    collection: str
    element: str  # an XSD simpleType name (CIN) or "Table.FIELD" (SSDA903)


SPECS = (
    Spec("referral_source", "Referral source", CIN, "referralsourcetype"),
    Spec("primary_need", "Primary need", CIN, "primaryneedcodetype"),
    Spec("category_of_abuse", "Category of abuse", CIN, "categoryofabuse"),
    Spec("reason_for_closure", "Reason for closure", CIN, "reasonforclosuretype"),
    Spec("assessment_factors", "Assessment factors", CIN, "assessmentfactorstype"),
    Spec("ethnicity", "Ethnicity", CIN, "ethnicitytype"),
    Spec("disability", "Disability", CIN, "disabilitytype"),
    Spec("sex", "Sex", CIN, "gendertype"),
    Spec("legal_status", "Legal status", SSDA903, "Episodes.LS"),
    Spec("placement_type", "Placement type", SSDA903, "Episodes.PLACE"),
    Spec("reason_new_episode", "Reason for new episode", SSDA903, "Episodes.RNE"),
    Spec("reason_episode_ceased", "Reason episode ceased", SSDA903, "Episodes.REC"),
    Spec("placement_provider", "Placement provider", SSDA903, "Episodes.PLACE_PROVIDER"),
    Spec(
        "reason_for_placement_change",
        "Reason for placement change",
        SSDA903,
        "Episodes.REASON_PLACE_CHANGE",
    ),
    Spec("care_leaver_in_touch", "Care leaver in touch", SSDA903, "OC3.IN_TOUCH"),
    Spec("care_leaver_activity", "Care leaver activity", SSDA903, "OC3.ACTIV"),
    Spec("care_leaver_accommodation", "Care leaver accommodation", SSDA903, "OC3.ACCOM"),
    Spec("review_participation", "Participation in review", SSDA903, "Reviews.REVIEW_CODE"),
    Spec("sdq_reason", "Reason for no SDQ score", SSDA903, "OC2.SDQ_REASON"),
    Spec("missing_type", "Missing or away from placement", SSDA903, "Missing.MISSING"),
    Spec("previous_permanence", "Previous permanence option", SSDA903, "PrevPerm.PREV_PERM"),
    Spec(
        "reason_for_social_worker_change",
        "Reason for a change of social worker",
        SSDA903,
        "SocialWorker.SW_REASON",
    ),
    Spec("adopters_sex", "Sex of the adopters", SSDA903, "AD1.SEX_ADOPTR"),
    Spec("adopters_legal_status", "Legal status of the adopters", SSDA903, "AD1.LS_ADOPTR"),
    Spec(
        "reason_no_longer_placed_for_adoption",
        "Reason no longer to be placed for adoption",
        SSDA903,
        "PlacedAdoption.REASON_PLACED_CEASED",
    ),
)

# Codes newer than the latest schema in the source, added after its codes: the SSDA903
# placement types of 2025/26. The reference material describes none of them but K3 (DfE
# rule 371: "supported accommodation not subject to children's homes regulations"), so
# Z11 to Z14 are described plainly from what their codes mean.
ADDED = {
    "placement_type": (
        ("K3", "Supported accommodation not subject to children’s homes regulations"),
        ("Z11", "Other placement (2025/26 code Z11)"),
        ("Z12", "Other placement (2025/26 code Z12)"),
        ("Z13", "Other placement (2025/26 code Z13)"),
        ("Z14", "Other placement (2025/26 code Z14)"),
    ),
}
ADDED_SOURCE = "2025/26 codes added by hand: K3 as DfE rule 371 describes it, Z11–Z14 plainly"

SCHEMA_FILES = {
    CIN: ("cin_census", r"CIN_schema_(\d{4})\.xsd"),
    SSDA903: ("s903", r"SSDA903_schema_(\d{4})\.yml"),
}

# Slips in the source text; each is listed in SOURCES.md.
CORRECTIONS = {
    ("referral_source", "5D"): "LA SERVICES – early help",  # source: "(LA SERVICES – early help"
}

# SSDA903 care leaver accommodation codes are a kind (letter) and a suitability (digit).
SUITABILITY = {"1": "suitable", "2": "not suitable"}
COMPOSED_SETS = {"care_leaver_accommodation"}

Entries = list[tuple[str, str | None]]


@dataclass(frozen=True)
class Extracted:
    """A code set as extracted, with where each part came from."""

    spec: Spec
    source_file: str
    year: int
    rows: list[tuple[str, str]]
    origins: dict[str, int]


def clean(text: str | None) -> str | None:
    """Collapse runs of white space; ``None`` and blank text become ``None``."""
    if text is None:
        return None
    return " ".join(text.split()) or None


def latest_schema(spec_dir: Path, collection: str) -> tuple[Path, int]:
    """The newest schema file of a collection, and its year."""
    folder, pattern = SCHEMA_FILES[collection]
    found = []
    for path in (spec_dir / folder).iterdir():
        if match := re.fullmatch(pattern, path.name):
            found.append((int(match.group(1)), path))
    if not found:
        raise SystemExit(f"No {collection} schema matching {pattern} in {spec_dir / folder}")
    year, path = max(found)
    return path, year


def read_xsd(path: Path) -> dict[str, Entries]:
    """Every named simpleType's enumeration values with their documentation."""
    types: dict[str, Entries] = {}
    for simple_type in ET.parse(path).getroot().iter(f"{XS}simpleType"):
        name = simple_type.get("name")
        if name is None:
            continue
        types[name] = [
            (value.get("value", ""), clean(value.findtext(f"{XS}annotation/{XS}documentation")))
            for value in simple_type.iter(f"{XS}enumeration")
        ]
    return types


KEY_LINE = re.compile(r"^(\s*)([A-Za-z_]\w*):\s*$")
CODE_LINE = re.compile(r'^\s*- code:\s*"([^"]*)"')
NAME_LINE = re.compile(r'^\s*name:\s*"([^"]*)"')


def field_of(stack: list[tuple[int, str]]) -> str:
    """``Table.FIELD`` from the open keys: column_map, table, field, category."""
    return ".".join(key for _, key in stack[1:-1])


def read_yaml_categories(path: Path) -> dict[str, Entries]:
    """Each ``Table.FIELD``'s category codes (and names, where given) from an SSDA903 schema."""
    fields: dict[str, Entries] = {}
    stack: list[tuple[int, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if match := KEY_LINE.match(line):
            indent = len(match.group(1))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            stack.append((indent, match.group(2)))
        elif match := CODE_LINE.match(line):
            fields.setdefault(field_of(stack), []).append((match.group(1).strip(), None))
        elif (match := NAME_LINE.match(line)) and fields:
            entries = fields[field_of(stack)]
            entries[-1] = (entries[-1][0], clean(match.group(1)))
    return fields


def load_hand_written(path: Path) -> dict[tuple[str, str], str]:
    """The hand-written DfE descriptions, keyed by (code set, code)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["code_set"], row["code"]): row["description"] for row in csv.DictReader(handle)
        }


def composed(set_id: str, code: str, hand: dict[tuple[str, str], str]) -> str | None:
    """A kind-and-suitability description such as "With parent(s) or relative(s) – suitable"."""
    if set_id not in COMPOSED_SETS or len(code) != 2 or code[1] not in SUITABILITY:
        return None
    kind = hand.get((set_id, code[0]))
    return f"{kind} – {SUITABILITY[code[1]]}" if kind else None


def describe(
    set_id: str, code: str, from_source: str | None, hand: dict[tuple[str, str], str]
) -> tuple[str, str]:
    """A code's description and where it came from."""
    if (set_id, code) in CORRECTIONS:
        return CORRECTIONS[(set_id, code)], "corrected"
    if from_source:
        return from_source, "source"
    if (set_id, code) in hand:
        return hand[(set_id, code)], "hand-written"
    if text := composed(set_id, code, hand):
        return text, "composed"
    return code, "code only"


def describe_all(
    spec: Spec, entries: Entries, hand: dict[tuple[str, str], str]
) -> tuple[list[tuple[str, str]], dict[str, int]]:
    """Every code of one set with its description, and a count of where they came from."""
    rows: list[tuple[str, str]] = []
    origins: dict[str, int] = {}
    for code, from_source in entries:
        description, origin = describe(spec.id, code, from_source, hand)
        rows.append((code, description))
        origins[origin] = origins.get(origin, 0) + 1
    return rows, origins


def extract(spec_dir: Path) -> list[Extracted]:
    """All code sets in ``SPECS`` from the latest schemas under ``spec_dir``."""
    hand = load_hand_written(HAND_WRITTEN)
    schemas = {collection: latest_schema(spec_dir, collection) for collection in SCHEMA_FILES}
    readers = {CIN: read_xsd, SSDA903: read_yaml_categories}
    parsed = {collection: readers[collection](path) for collection, (path, _) in schemas.items()}
    extracted = []
    for spec in SPECS:
        path, year = schemas[spec.collection]
        if spec.element not in parsed[spec.collection]:
            raise SystemExit(f"{spec.id}: no {spec.element!r} in {path}")
        rows, origins = describe_all(spec, parsed[spec.collection][spec.element], hand)
        if added := ADDED.get(spec.id, ()):
            rows += added
            origins["added"] = len(added)
        relative = "liiatools/spec/" + path.relative_to(spec_dir).as_posix()
        extracted.append(Extracted(spec, relative, year, rows, origins))
    return extracted


def render_csv(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> str:
    """CSV text with ``\\n`` line endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def source_label(item: Extracted) -> str:
    """The short provenance stored with each code set."""
    collection = "CIN census" if item.spec.collection == CIN else "SSDA903"
    label = f"{collection} schema {item.year}, {item.spec.element} (liia-tools)"
    return f"{label}; {ADDED_SOURCE}" if item.spec.id in ADDED else label


def manifest_commit(spec_dir: Path, source_file: str) -> str | None:
    """The liia-tools commit of a source file, from the reference folder's manifest if present."""
    for folder in spec_dir.resolve().parents:
        manifest = folder / MANIFEST_NAME
        if manifest.is_file():
            for line in manifest.read_text(encoding="utf-8").splitlines():
                if line.split("\t")[1:2] == [f"liia-tools/{source_file}"]:
                    match = re.search(r"@([0-9a-f]{40})", line)
                    return match.group(1) if match else None
            return None
    return None


SOURCES_HEAD = """\
# Sources of the code sets

Generated by `scripts/extract_codes.py`; do not edit by hand (edit
`oversight/codes/sources/dfe_descriptions.csv` or the script, then run it again).

**Attribution.** The codes are read from the CIN census XML schema and the SSDA903 schema
published in [liia-tools](https://github.com/SocialFinanceDigitalLabs/liia-tools)
(`liiatools/spec/`), MIT licence, copyright Social Finance. The code sets and their
descriptions themselves are the Department for Education's (CIN census and SSDA903
guidance, Crown copyright, Open Government Licence).

The year is the year in the schema's file name. Codes are in the order the source lists
them. Descriptions: *source* = the schema's own text; *hand-written* = the DfE's wording
from its collection guidance, written by hand because the schema has none (shortened
where the guidance adds legal references or examples; checked against the guidance text
quoted in data-to-insight's ssd-data-model, which is not shipped); *composed* = built from a
hand-written part as explained below; *corrected* = a slip in the source fixed (listed
below); *added* = a code newer than the source, added by hand (see the notes); *code
only* = no description known, the description is the code itself.

| id | title | source file | year | element | commit | descriptions |
|---|---|---|---|---|---|---|
"""

SOURCES_NOTES = """
## Notes

- **Corrections.** `referral_source` 5D: the source reads "(LA SERVICES – early help"
  with a stray opening bracket; written here as "LA SERVICES – early help".
- **Care leaver accommodation** (`care_leaver_accommodation`) follows the source: each
  code is a kind of accommodation (letter: B, C, D, E, G, H, K, R, S, T, U, V, W, X, Y,
  Z) followed by its suitability (1 = suitable, 2 = not suitable), for example `B1`,
  `B2`. The description is composed as "kind – suitable/not suitable". The code `0`
  (also in `care_leaver_activity`) has no text in the source; its description, "not
  known: the local authority is not in touch", is inferred from DfE validation rule 345
  ("the local authority is in touch with this young person, but activity and/or
  accommodation data items are zero").
- **Sex** follows the CIN census schema (0, 1, 2, 9). The SSDA903 schema allows only
  1 (male) and 2 (female).
- **Primary need** N2 reads "Child's disability" in every CIN schema 2017–2024; DfE
  publications call the category "Child's disability or illness". The source text is kept.
- **Ethnicity** is taken from the CIN schema; the SSDA903 schema has the same 20 codes
  (its names differ only in capitals, e.g. "Any other Mixed background").
- **Placement type** H5 carries the older wording ("semi-independent living"); the DfE's
  2025–26 validation rules (rule 371) call it "supported accommodation not subject to
  children's homes regulations".
- **Placement types of 2025/26.** From 2025/26 the SSDA903 return has no H5, P2 or Z1:
  supported accommodation is K3 and other placements are Z11 to Z14. These codes are
  newer than the source and are added after its codes; H5, P2 and Z1 stay, for the
  placements recorded before. K3 is described as DfE rule 371 of 2025/26 describes it.
  The reference material holds no description of Z11 to Z14, so they are described
  plainly as other placements, with their code.
- **Reason for a change of social worker** (`reason_for_social_worker_change`): the
  source lists "PCCHAN " with a trailing space, read as `PCCHAN`.
- `care_leaver_in_touch`, `review_participation`, `missing_type`,
  `reason_for_social_worker_change`, `previous_permanence`, `adopters_sex`,
  `adopters_legal_status` and `reason_no_longer_placed_for_adoption` are extra sets,
  added because the case record needs them.
"""


def sources_row(item: Extracted, spec_dir: Path) -> str:
    """One table row of SOURCES.md."""
    commit = manifest_commit(spec_dir, item.source_file)
    origins = ", ".join(f"{origin} {count}" for origin, count in sorted(item.origins.items()))
    cells = (
        f"`{item.spec.id}`",
        item.spec.title,
        f"`{item.source_file}`",
        str(item.year),
        f"`{item.spec.element}`",
        f"`{commit[:12]}`" if commit else "",
        origins,
    )
    return "| " + " | ".join(cells) + " |\n"


def render_all(spec_dir: Path) -> dict[str, str]:
    """Every file the script writes into the data folder, by file name."""
    extracted = extract(spec_dir)
    files = {
        f"{item.spec.id}.csv": render_csv(("code", "description"), item.rows) for item in extracted
    }
    index_rows = [(item.spec.id, item.spec.title, source_label(item)) for item in extracted]
    files["index.csv"] = render_csv(("id", "title", "source"), index_rows)
    table = "".join(sources_row(item, spec_dir) for item in extracted)
    files["SOURCES.md"] = SOURCES_HEAD + table + SOURCES_NOTES
    return files


def stale_files(files: dict[str, str], data_dir: Path) -> list[str]:
    """The names of files whose committed text differs from ``files``."""
    stale = []
    for name, text in files.items():
        path = data_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            stale.append(name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("spec_dir", nargs="?", type=Path, default=DEFAULT_SPEC_DIR)
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    files = render_all(args.spec_dir)
    if args.check:
        stale = stale_files(files, DATA_DIR)
        for name in stale:
            print(
                f"{DATA_DIR / name} differs from the extraction; run the script.", file=sys.stderr
            )
        return 1 if stale else 0
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (DATA_DIR / name).write_text(text, encoding="utf-8", newline="")
        print(f"wrote {DATA_DIR / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
