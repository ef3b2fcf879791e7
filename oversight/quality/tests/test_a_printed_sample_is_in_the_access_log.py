import pytest
from click.testing import CliRunner

from oversight.accounts.models import AccessEvent
from oversight.cli import main
from oversight.quality.services import ProgrammeFacts, create_programme

pytestmark = pytest.mark.django_db


def test_drawing_a_sample_on_the_command_line_logs_an_export_of_its_children_by_the_user_named(
    cases, auditor
):
    programme = create_programme(ProgrammeFacts("CP plans", "cp-plans", sample_size=3), auditor)
    result = CliRunner().invoke(main, ["audits", "draw", "CP plans", "--from", "2025-04-01",
                                       "--to", "2025-06-30", "--by", "alex"])  # fmt: skip
    assert result.exit_code == 0, result.output
    event = AccessEvent.objects.get(action="export")
    assert (event.user, event.address) == (auditor, None)
    assert event.detail.startswith("cli: audit sample ")
    assert event.detail.endswith("printed (3 children)")
    assert programme.samples.count() == 1
    drawn = programme.samples.get().cases.values_list("child_id", flat=True)
    assert set(event.listed.values_list("child_id", flat=True)) == set(drawn)
