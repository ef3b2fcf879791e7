"""A care leaver not in touch may have the DfE's reason (died, refuses contact, no longer
needs services, back home for six months or more): the records keep it, the return's OC3
gives it as IN_TOUCH, and importing the return keeps it again (no longer noted)."""

from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import CareLeaverStatus
from oversight.exchange.ssda903.load import load_903
from oversight.exchange.ssda903.tests import care_records
from oversight.exchange.ssda903.tests.builders import child, oc3, write
from oversight.exchange.ssda903.tests.return_files import lines, written

pytestmark = pytest.mark.django_db


def back_home_on_the_19th_birthday():
    o3 = care_records.care_leaver()  # 19 on 12 October 2025; her status that day replaced
    CareLeaverStatus.objects.filter(child=o3, recorded_on=date(2025, 10, 12)).delete()
    services.record_care_leaver_status(o3, recorded_on=date(2025, 10, 12), in_touch=False,
                                       not_in_touch_reason="RHOM", accommodation="0",
                                       activity="0")  # fmt: skip
    return o3


def test_the_reason_is_the_in_touch_code_of_the_return(tmp_path):
    back_home_on_the_19th_birthday()
    written(tmp_path)
    assert lines(tmp_path, "oc3") == ["O3,12/10/2006,RHOM,0,0"]


@pytest.mark.parametrize(
    ("given", "field"),
    [
        ({"in_touch": True, "not_in_touch_reason": "REFU"}, "not_in_touch_reason"),
        ({"in_touch": False, "not_in_touch_reason": "YES"}, "not_in_touch_reason"),
        # 344: one back home or who died has no accommodation or activity but none (0).
        ({"in_touch": False, "not_in_touch_reason": "DIED", "activity": "F2"}, "accommodation"),
    ],
)
def test_a_reason_the_dfe_would_refuse_is_refused(given, field):
    o3 = care_records.care_leaver()
    with pytest.raises(services.CaseworkError) as refused:
        services.record_care_leaver_status(o3, recorded_on=date(2025, 11, 1), **given)
    assert refused.value.field == field


def test_importing_keeps_the_reason_and_again_changes_nothing(tmp_path):
    leaver = child("L1", DOB="12/10/2006", episodes=[], reviews=[], social_workers=[],
                   permanence=[], oc3=[oc3(IN_TOUCH="REFU", ACTIV="0", ACCOM="0")])  # fmt: skip
    folder = write(tmp_path / "return", leaver)
    summary = load_903([folder])
    status = CareLeaverStatus.objects.get()
    assert (status.in_touch, status.not_in_touch_reason) == (False, "REFU")
    assert not any(name == "IN_TOUCH" for name, _why in summary.notes.counts)
    assert load_903([folder]).changed_nothing
