from datetime import date

import pytest

from oversight.casework import services
from oversight.casework.models import Referral
from oversight.casework.services import front_door


def test_a_referral_whose_deadline_cannot_be_opened_is_not_kept(child, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("the deadline could not be stamped")

    monkeypatch.setattr(front_door, "open_deadline", broken)
    with pytest.raises(RuntimeError):
        services.record_referral(child, received_on=date(2024, 5, 1), source_code="5A")
    assert not Referral.objects.exists()
