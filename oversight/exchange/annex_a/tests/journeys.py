"""Hand-built records for the Annex A tests, recorded through the casework services.

The inspection date is 31 March 2025, so six months to it run from 1 October 2024
(``FIRST``) to 31 March 2025 (``AS_AT``); ``BEFORE`` and ``AFTER`` are the days either
side of the window.
"""

from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook, load_workbook

from oversight.casework import services
from oversight.casework.models import Child, Plan, Referral, S47Enquiry
from oversight.exchange.annex_a.gather import Context
from oversight.exchange.annex_a.read import Reading, match_column, read_workbook
from oversight.exchange.annex_a.spec import Held, annex_list
from oversight.exchange.annex_a.write import BUILDERS, write_workbook
from oversight.web.uploads import open_workbook

AS_AT = date(2025, 3, 31)
FIRST = date(2024, 10, 1)
BEFORE = date(2024, 9, 30)
AFTER = date(2025, 4, 1)
LONG_AGO = date(2023, 5, 2)


def child(la_child_id: str, born: date | None = date(2015, 6, 1), **facts: object) -> Child:
    given = {"sex": "2", "ethnicity": "WBRI"} | facts
    return services.register_child(
        la_child_id=la_child_id, first_name="Ada", last_name="Example", date_of_birth=born,
        **given,  # type: ignore[arg-type]
    )  # fmt: skip


def referral(of: Child, on: date, source: str = "6", need: str = "N1") -> Referral:
    return services.record_referral(of, received_on=on, source_code=source, primary_need=need)


def assessed(of: Child, on: date, done: date | None = None, outcome: str = "cin_plan"):  # type: ignore[no-untyped-def]
    found = services.decide_referral(referral(of, on), decision="assessment", decided_on=on)
    if done is not None:
        services.complete_assessment(found, completed_on=done, outcome=outcome, seen=True)
    return found


def enquiry(of: Child, on: date, done: date | None = None, outcome: str = "cin") -> S47Enquiry:
    under = referral(of, on)
    services.decide_referral(under, decision="strategy", decided_on=on)
    _, s47 = services.record_strategy_discussion(under, held_on=on)
    assert s47 is not None
    if done is not None:
        services.complete_s47(s47, completed_on=done, outcome=outcome)
    return s47


def plan(of: Child, kind: str, start: date, end: date | None = None) -> Plan:
    made = services.start_plan(of, kind=kind, start_on=start,
                               category_of_abuse="NEG" if kind == "cp" else "")  # fmt: skip
    if end is not None:
        services.end_plan(made, end_on=end)
    return made


def in_care(of: Child, start: date, end: date | None = None, reason: str = "E4A") -> None:
    episode, placement, care_plan = services.start_care_episode(
        of, started_on=start, legal_status="C2", placement_type="U6", provider="PR1"
    )
    if end is not None:
        services.end_care_episode(episode, placement, care_plan, ended_on=end, reason_ceased=reason)


def listed(number: int, as_at: date = AS_AT) -> list[str]:
    """The child ids on a list (one for each row), sorted."""
    return sorted(row["child_id"] for row in BUILDERS[number](Context(as_at)))


def exported(as_at: date = AS_AT) -> bytes:
    out = io.BytesIO()
    write_workbook(out, as_at)
    return out.getvalue()


def imported_facts(workbook: bytes) -> dict[int, list[tuple[object, ...]]]:
    """Each list's rows as the imported columns give them, sorted: what a round trip keeps."""
    book = load_workbook(io.BytesIO(workbook), read_only=True)
    facts = {}
    for number in range(1, 12):
        annex = annex_list(number)
        rows = book[annex.sheet].iter_rows(values_only=True)
        header = [match_column(name, annex) for name in next(rows)]
        keep = [i for i, c in enumerate(header) if c is not None and c.held is Held.IMPORTED]
        padded = (row + (None,) * len(header) for row in rows)
        facts[number] = sorted(tuple(str(row[i]) for i in keep) for row in padded)
    return facts


def one_sheet(sheet: str, header: list[str], *rows: list[object], name: str) -> Reading:
    """A workbook of one sheet, as an LA might send it, read (not yet imported)."""
    book = Workbook()
    written = book.active
    written.title = sheet
    written.append(header)
    for row in rows:
        written.append(row)
    out = io.BytesIO()
    book.save(out)
    return read_workbook(open_workbook(io.BytesIO(out.getvalue())), name)
