"""Moderation statistics, worked by hand."""

import pytest

from oversight.quality.agreement import agreement, kappa

G, RI, INADEQUATE, OUTSTANDING = "good", "requires-improvement", "inadequate", "outstanding"


def test_agreement_counts_exact_matches_changes_up_and_down_and_steps_within_one():
    pairs = [(G, G), (RI, RI), (G, RI), (RI, G), (OUTSTANDING, INADEQUATE)]
    found = agreement(pairs)
    assert (found.pairs, found.agreed, found.within_one) == (5, 2, 4)
    assert (found.raised, found.lowered) == (1, 2)
    assert found.rate == 0.4


def test_kappa_worked_by_hand():
    # 10 pairs: 4 (G,G), 3 (RI,RI), 2 (G,RI), 1 (RI,G). Observed 0.7.
    # First: G 6, RI 4; second: G 5, RI 5. Expected (6*5 + 4*5)/100 = 0.5.
    # Kappa (0.7 - 0.5) / (1 - 0.5) = 0.4.
    pairs = [(G, G)] * 4 + [(RI, RI)] * 3 + [(G, RI)] * 2 + [(RI, G)]
    assert kappa(pairs) == pytest.approx(0.4)


def test_kappa_is_undefined_with_no_pairs_or_a_single_grade_throughout():
    assert kappa([]) is None
    assert kappa([(G, G), (G, G)]) is None
    assert agreement([]).rate is None
