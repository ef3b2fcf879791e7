"""``choices()`` gives (code, readable label) pairs ready for a form or model field."""

from oversight import codes


def test_choices_pair_each_code_with_a_label_showing_code_and_description() -> None:
    choices = codes.code_set("category_of_abuse").choices()
    assert choices[0] == ("NEG", "NEG: Neglect")
    assert [value for value, _ in choices] == ["NEG", "PHY", "SAB", "EMO", "MUL"]


def test_every_set_gives_one_string_pair_per_code() -> None:
    for set_id in codes.all_code_sets():
        code_set = codes.code_set(set_id)
        choices = code_set.choices()
        assert len(choices) == len(code_set)
        assert all(isinstance(v, str) and isinstance(label, str) for v, label in choices)


def test_a_code_without_a_description_is_labelled_by_the_code_alone() -> None:
    assert codes.Code("X9", "X9").label == "X9"
