from pathlib import Path

from oversight.timescales import DEFAULT_POLICY

DOC = Path(__file__).resolve().parents[2] / "docs" / "timescales.md"


def test_every_timescale_rule_is_documented_with_its_interval():
    text = DOC.read_text()
    for rule in DEFAULT_POLICY.rules().values():
        row = next((line for line in text.splitlines() if line.startswith(f"| `{rule.id}` |")), "")
        assert row, f"{rule.id} is missing from docs/timescales.md"
        assert f"| {rule.interval} " in row, f"{rule.id}: documented interval differs"
