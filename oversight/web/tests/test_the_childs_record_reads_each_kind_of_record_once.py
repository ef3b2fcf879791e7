"""The child's record page reads each kind of record once, however long the record is.

The chronology, what is open now, and the plans, visits and oversight tabs share one read
of the child's records; a longer history adds rows, never queries.
"""

import re
from datetime import date, timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from oversight.casework import services

READ = re.compile(r'SELECT .*? FROM "(casework_\w+)"')


def _queries(client, child) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("web:child", args=[child.pk]))
    assert response.status_code == 200
    return len(captured.captured_queries)


def _a_longer_history(child, manager) -> None:
    """Five more visits with their workers, five oversight entries, contacts decided."""
    plan = child.plans.get()
    for week in range(1, 6):
        on = date(2025, 1, 6) + timedelta(weeks=week)
        services.record_visit(child, kind="cin", visited_on=on, plan=plan, seen=True)
        services.record_oversight(child, kind="supervision", recorded_on=on, manager=manager,
                                  note=f"Week {week}: plan on track")  # fmt: skip
        contact = services.record_contact(child, received_on=on, source_code="1A")
        services.decide_contact(contact, outcome="nfa", decided_on=on, by=manager)


def test_a_longer_history_adds_no_queries_to_the_record_page(signed_in, worker, manager, aisha):
    client = signed_in(worker)
    # The first page after signing in may do one-off work (the access log's chain head, the
    # session): compare the second with the one after the history grew.
    _queries(client, aisha)
    before = _queries(client, aisha)
    _a_longer_history(aisha, manager)
    assert _queries(client, aisha) == before


def test_the_page_reads_no_kind_of_record_twice(signed_in, worker, aisha):
    with CaptureQueriesContext(connection) as captured:
        signed_in(worker).get(reverse("web:child", args=[aisha.pk]))
    reads = [READ.match(q["sql"]) for q in captured.captured_queries]
    tables = [read.group(1) for read in reads if read]
    assert {table for table in tables if tables.count(table) > 1} == set()
