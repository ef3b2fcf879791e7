"""The GOV.UK template pack, on a small form of its own."""

from datetime import date

from django import forms

from oversight.web.forms import DateField, GovukForm
from oversight.web.forms.choices import YesNoField
from oversight.web.forms.widgets import Checkboxes, Select, Textarea, TextInput


class ExampleForm(GovukForm):
    name = forms.CharField(
        label="Name", help_text="As on the birth certificate", widget=TextInput(width=20)
    )
    born = DateField(label="Date of birth", past_only=True)
    known = YesNoField(label="Known to the service?")
    why = forms.CharField(label="Why", required=False, widget=Textarea())
    team = forms.ChoiceField(label="Team", choices=[("", "Choose"), ("a", "A")], widget=Select())
    needs = forms.MultipleChoiceField(
        label="Needs", choices=[("n1", "N1")], widget=Checkboxes(), required=False
    )
    reveals = {"known": {"yes": ("why",)}}


def test_a_text_input_has_its_label_hint_and_width(db):
    html = str(ExampleForm())
    assert '<label class="govuk-label govuk-label--s" for="id_name">Name</label>' in html
    assert '<div id="id_name-hint" class="govuk-hint">As on the birth certificate</div>' in html
    assert 'class="govuk-input govuk-input--width-20"' in html
    assert 'aria-describedby="id_name-hint"' in html


def test_a_date_input_is_a_group_of_three_labelled_boxes(db):
    html = str(ExampleForm())
    assert '<fieldset class="govuk-fieldset" role="group" aria-describedby="id_born-hint">' in html
    for part, width in (("day", 2), ("month", 2), ("year", 4)):
        assert f'for="id_born_{part}">{part.capitalize()}</label>' in html
        assert f'govuk-input--width-{width}" id="id_born_{part}" name="born_{part}"' in html


def test_a_date_cleans_to_a_date_and_shows_it_again(db):
    form = ExampleForm(
        {
            "name": "A",
            "born_day": "4",
            "born_month": "5",
            "born_year": "2018",
            "known": "no",
            "team": "a",
        }
    )
    assert form.is_valid(), form.errors
    assert form.cleaned_data["born"] == date(2018, 5, 4)
    assert form.cleaned_data["known"] is False


def test_a_year_with_two_numbers_is_refused(db):
    form = ExampleForm({"born_day": "4", "born_month": "5", "born_year": "18"})
    assert form.errors["born"] == ["Year must include 4 numbers"]
    assert form["born"].anchor == "id_born_year"


def test_the_revealed_field_is_drawn_inside_its_radio(db):
    html = str(ExampleForm())
    assert 'data-aria-controls="conditional-id_known_0"' in html
    start = html.index('id="conditional-id_known_0"')
    assert html.index('for="id_why"') > start
    assert html.count('for="id_why"') == 1


def test_required_messages_name_the_question(db):
    form = ExampleForm({})
    assert form.errors["name"] == ["Enter name"]
    assert form.errors["born"] == ["Enter the date of birth"]
    assert form.errors["known"] == ["Select known to the service"]
    assert form.errors["team"] == ["Select team"]


def test_errors_mark_the_group_and_the_input(db):
    html = str(ExampleForm({}))
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert 'class="govuk-select govuk-select--error"' in html
    assert (
        '<p id="id_name-error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        "Error:</span> Enter name</p>"
    ) in html


def test_checkboxes_are_drawn_as_a_govuk_group(db):
    html = str(ExampleForm())
    assert '<div class="govuk-checkboxes" data-module="govuk-checkboxes">' in html
    assert (
        'class="govuk-checkboxes__input" id="id_needs_0" name="needs" type="checkbox" value="n1"'
        in html
    )
