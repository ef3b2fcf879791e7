"""Our CIN census validation against csc-validator-be-cin, side by side, on the same files.

Usage: uv run python -m benchmarks.cin_validation [--sizes 1000,10000,50000]
       [--source FILE.xml] [--reference-up-to N] [--runs N] [--keep DIR]

The files are made from a census return of a synthetic LA (``--source``, or one written
here from a generated medium LA), its children repeated with fresh ids until each file
has the number of children asked for. Each tool runs in its own process, from the file on
disk to its list of findings: the time inside that process (imports excluded, reported
separately as the whole process's wall time) and its peak memory, the fastest of
``--runs`` runs of each, the two tools run in turn (``side_by_side``). csc-validator-be-cin is
installed from PyPI into a throwaway virtual environment, never into the project's.
Findings are compared rule by rule as the set of (rule, child) pairs each tool reports.
Nothing here asserts a time: it prints what it measured.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.cin_files import scaled_census, synthetic_census
from benchmarks.reference_tools import reference_python
from benchmarks.side_by_side import compare, in_turn, measured, ratios

REFERENCE = "csc-validator-be-cin==0.1.13"
# Its pinned pandas 1.5.3 is built against NumPy 1 and fails to import with NumPy 2.
REFERENCE_EXTRA = ("numpy<2",)

REFERENCE_DRIVER = """
import json, resource, sys, time, warnings
warnings.simplefilter("ignore")
import xml.etree.ElementTree as ET
from cin_validator import cin_validator
from cin_validator.rules.cin2025_26 import registry
started, cpu = time.perf_counter(), time.process_time()
root = ET.parse(sys.argv[1]).getroot()
data = cin_validator.process_data(cin_validator.convert_data(root))
validator = cin_validator.CinValidator(data, registry)
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu
issues = validator.full_issue_df
pairs = {(str(r), str(c)) for r, c in zip(issues["rule_code"], issues["child_id"])}
pairs |= {(str(r), "") for r in validator.multichild_issues["rule_code"]}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "pairs": sorted(pairs),
                  "rules": sorted(str(r.code) for r in registry.values())}))
"""

OUR_DRIVER = """
import json, resource, sys, time
from oversight.exchange.cin_census.validate import validate_cin
from oversight.exchange.cin_census.rules import RULES
started, cpu = time.perf_counter(), time.process_time()
report = validate_cin(sys.argv[1])
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu
pairs = {(f.rule, f.child_id or "") for f in report.findings}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "pairs": sorted(pairs),
                  "rules": sorted(RULES.rules)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--source", type=Path, help="a census file to scale")
    parser.add_argument(
        "--reference-up-to",
        type=int,
        default=10_000,
        help="run the reference only up to this many children",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs of each tool, fastest kept")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        source = args.source or synthetic_census(folder)
        reference = reference_python(REFERENCE, *REFERENCE_EXTRA)
        print(f"CIN census validation, 2025/26 rules: Oversight against {REFERENCE}")
        print(f"files made from {source.name}, children repeated with fresh ids\n")
        for size in sizes:
            file = scaled_census(source, size, folder / f"cin_{size}.xml")
            compared = size <= args.reference_up_to
            ours, theirs = in_turn(
                (sys.executable, OUR_DRIVER),
                (reference, REFERENCE_DRIVER) if compared else None,
                (file,),
                args.runs,
            )
            print(f"{size:,} children ({file.stat().st_size / 1e6:.1f} MB):")
            print(measured("Oversight", ours))
            if theirs is None:
                print(f"  {REFERENCE} not run at this size (--reference-up-to)\n")
                continue
            print(measured("csc-validator-be-cin", theirs))
            print(ratios(ours, theirs))
            print("\n".join(compare(ours, theirs)) + "\n")


if __name__ == "__main__":
    main()
