"""The form that corrects what is held about a child beyond registration: the unique pupil
number (and a former one), the date of death and, for a girl or young woman, whether she
is a mother and when her first child was born. The CIN census and the SSDA903 return
carry them."""

from django import forms
from django.core.exceptions import ValidationError

from oversight.casework.models import Child
from oversight.casework.services.child_details import FEMALE
from oversight.codes.upn import upn_problem
from oversight.web.forms.choices import YesNoField
from oversight.web.forms.dates import DateField
from oversight.web.forms.saving import VersionedForm
from oversight.web.forms.widgets import TextInput


def upn_field(
    label: str,
    help_text: str = "13 characters from the child's school records, starting with a letter",
) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=20,
        required=False,
        widget=TextInput(width=10, attrs={"spellcheck": "false", "autocapitalize": "characters"}),
        help_text=help_text,
    )


def cleaned_upn(given: str, name: str = "UPN") -> str:
    """A UPN as typed, in capitals; refused, saying what is wrong, unless well formed."""
    upn = given.strip().upper()
    problem = upn_problem(upn) if upn else None
    if problem is not None:
        raise ValidationError(f"{problem[:1].upper()}{problem[1:]}, or leave the {name} empty")
    return upn


class ChildDetailsForm(VersionedForm):
    """Every item as held, to correct; an item left empty is not known (and is cleared)."""

    upn = upn_field("Unique pupil number (UPN)")
    former_upn = upn_field(
        "Former UPN", help_text="Only if the child had another UPN before (after an adoption, say)"
    )
    died_on = DateField(
        label="Date of death", name="date of death", past_only=True, required=False,
        help_text="Only if the child has died",
    )  # fmt: skip
    is_mother = YesNoField(label="Is she a mother?", required=False)
    first_child_born_on = DateField(
        label="Her first child's date of birth", name="first child's date of birth",
        past_only=True, required=False, help_text="Only if she is a mother",
    )  # fmt: skip

    def __init__(self, *args: object, child: Child, **kwargs: object) -> None:
        initial = {
            "upn": child.upn, "former_upn": child.former_upn, "died_on": child.died_on,
            "is_mother": child.is_mother,
            "first_child_born_on": child.first_child_born_on,
        }  # fmt: skip
        super().__init__(*args, record=child, initial=initial, **kwargs)
        if child.sex != FEMALE:  # asked of girls and young women only (SSDA903 MOTHER)
            del self.fields["is_mother"], self.fields["first_child_born_on"]

    def clean_upn(self) -> str:
        return cleaned_upn(self.cleaned_data["upn"])

    def clean_former_upn(self) -> str:
        return cleaned_upn(self.cleaned_data["former_upn"], "former UPN")
