"""Our SSDA903 validation against csc-validator-be-903, side by side, on the same returns.

Usage: uv run python -m benchmarks.ssda903_validation [--sizes 1000,10000,27000,50000]
       [--source DIR] [--reference-up-to N] [--runs N] [--keep DIR] [--this-year-only]
       [--short-breaks SHARE] [--slips SHARE] [--app]

The returns are made from a synthetic LA's SSDA903 return (``--source``, or one written
here from a generated LA), its children repeated with fresh ids until each return has the
number of children asked for. Each size is validated twice: this year's return alone, and
with last year's beside it as LAs submit it (``--source``'s folder with ``_last_year``
added to its name; the rules comparing the two years run only then). Each tool runs in
its own process, from the CSV files on disk to its list of findings: time inside that
process (imports excluded; the whole process's wall time beside it) and peak memory, the
fastest of ``--runs`` runs of each, the two tools run in turn (``side_by_side``).
``--short-breaks 0.04`` adds that share of children on a series of short breaks, each
break an episode (``ssda903_files.with_short_breaks``), which the generator does not make.
``--slips 0.02`` gives that share of this year's rows a slip each (``with_slips``), as a
return has before it is checked. ``--app`` times what each tool's web app does to show the
findings as well: the reference's issues and tables as JSON with its error and child
summaries (the child summary sets every row of the return against every rule that
fired), and our findings as JSON with their summary.
csc-validator-be-903 is installed from PyPI into a throwaway virtual environment, never
into the project's. Findings are compared rule by rule as the set of (rule, child) pairs
each tool reports. Nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from benchmarks.reference_tools import reference_python
from benchmarks.side_by_side import compare, in_turn, measured, ratios
from benchmarks.ssda903_files import (
    last_year_of,
    scaled_last_year,
    scaled_return,
    synthetic_return,
    with_short_breaks,
    with_slips,
)

REFERENCE = "csc-validator-be-903==0.1.17"

# Its collection year is the year the collection ends ("2026" for 2025/26), as its own
# command line passes it.
REFERENCE_DRIVER = """
import json, resource, sys, time, warnings
from pathlib import Path
warnings.simplefilter("ignore")
from lac_validator import lac_validator
from lac_validator.report import Report
from lac_validator.utils import process_uploaded_files
from lac_validator.rules.lac2025_26 import registry
started, cpu = time.perf_counter(), time.process_time()
def csvs(folder):
    return [str(p) for p in sorted(Path(folder).glob("*.csv"))]
folders = [a for a in sys.argv[1:] if a != "--app"]
uploaded = {"This year": csvs(folders[0])}
if len(folders) > 1:
    uploaded["Prev year"] = csvs(folders[1])
files = process_uploaded_files(uploaded)
validator = lac_validator.LacValidator(
    metadata={"collectionYear": "2026", "localAuthority": "E06000038"},
    files=files, registry=registry, selected_rules=None)
report = Report(validator.ds_results, registry)
issues = lac_validator.create_issue_df(report.report, report.error_report)
if "--app" in sys.argv:
    # What its web app also returns to show the findings: the issues and the tables as
    # JSON, the error summary and the child summary.
    issues.to_json(orient="records")
    [df.to_json(orient="records") for df in validator.dfs.values()]
    report.error_summary.to_json(orient="records")
    report.child_summary.to_json(orient="records")
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu
pairs = {(str(r), str(c)) for r, c in zip(issues["rule_code"], issues["child_id"])}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "pairs": sorted(pairs),
                  "rules": sorted(str(code) for code in registry.keys())}))
"""

OUR_DRIVER = """
import json, resource, sys, time
from oversight.exchange.ssda903.validate import validate_903
from oversight.exchange.ssda903.rules import RULES
from oversight.exchange.validation.output import as_json, summary
started, cpu = time.perf_counter(), time.process_time()
folders = [a for a in sys.argv[1:] if a != "--app"]
# The LA the returns are from, as the reference is told it: the synthetic LA, Reading.
checked = validate_903([folders[0]], "2025-26", folders[1:], "E06000038")
if "--app" in sys.argv:
    # What the validation page and the command line give: the findings as JSON, the summary.
    as_json(checked.report), summary(checked.report)
seconds = time.perf_counter() - started
cpu = time.process_time() - cpu
pairs = {(f.rule, f.child_id or "") for f in checked.report.findings}
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak, "pairs": sorted(pairs),
                  "rules": sorted(RULES.rules)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="1000,10000,27000,50000")
    parser.add_argument("--source", type=Path, help="a folder with a return to scale")
    parser.add_argument("--reference-up-to", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3, help="runs of each tool, fastest kept")
    parser.add_argument("--keep", type=Path, help="keep the generated returns in this folder")
    parser.add_argument(
        "--this-year-only", action="store_true", help="leave out the runs with last year's return"
    )
    parser.add_argument(
        "--short-breaks", type=float, default=0.0, metavar="SHARE",
        help="add this share of children on a series of short breaks (0.04: 4 in 100)",
    )  # fmt: skip
    parser.add_argument(
        "--slips", type=float, default=0.0, metavar="SHARE",
        help="give this share of this year's rows a slip each (0.02: 2 in 100)",
    )  # fmt: skip
    parser.add_argument(
        "--app", action="store_true",
        help="each tool also makes what its web app shows of the findings",
    )  # fmt: skip
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        source = args.source or synthetic_return(folder)
        last_year = last_year_of(source)
        made_from = source.name
        if args.short_breaks:
            source = with_short_breaks(source, folder / "with_short_breaks", args.short_breaks)
            made_from += f" and {args.short_breaks:.0%} more children on short breaks"
        if args.slips:
            source = with_slips(source, folder / "with_slips", args.slips)
            made_from += f", a slip in {args.slips:.0%} of this year's rows"
        with_last_year = not args.this_year_only and last_year.is_dir()
        reference = reference_python(REFERENCE)
        print(f"SSDA903 validation, 2025/26 rules: Oversight against {REFERENCE}")
        print(f"returns made from {made_from}, children repeated with fresh ids")
        if args.app:
            print("each tool also makes what its web app shows of the findings")
        print()
        for size in sizes:
            made = scaled_return(source, size, folder / f"ssda903_{size}")
            megabytes = sum(f.stat().st_size for f in made.glob("*.csv")) / 1e6
            runs = [(f"{size:,} children, this year's return alone ({megabytes:.1f} MB)", ())]
            if with_last_year:
                before = scaled_last_year(last_year, source, size, folder / f"ssda903_{size}_last")
                runs.append((f"{size:,} children, with last year's return", (before,)))
            for title, extra in runs:
                print(f"{title}:")
                compared = size <= args.reference_up_to
                ours, theirs = in_turn(
                    (sys.executable, OUR_DRIVER),
                    (reference, REFERENCE_DRIVER) if compared else None,
                    (made, *extra, *(["--app"] if args.app else [])),
                    args.runs,
                )
                print(measured("Oversight", ours))
                if theirs is None:
                    print(f"  {REFERENCE} not run at this size (--reference-up-to)\n")
                    continue
                print(measured("csc-validator-be-903", theirs))
                print(ratios(ours, theirs))
                print("\n".join(compare(ours, theirs)) + "\n")


if __name__ == "__main__":
    main()
