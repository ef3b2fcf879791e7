"""GOV.UK Design System widgets: each knows its component (``govuk_kind``) and its classes.

Simple inputs (text, textarea, select) render through Django's own widget templates with
the GOV.UK classes in their attributes. Radios, checkboxes and the date input are drawn
by the field templates in ``templates/web/forms/fields/``, which need the whole bound
field (hint, error, conditional reveals), so the widgets here only describe them.
"""

from django import forms


def _classes(*names: str | None) -> str:
    return " ".join(name for name in names if name)


class GovukWidget:
    """What the GOV.UK field templates need to know about a widget."""

    govuk_kind = "input"
    base_class = "govuk-input"
    error_class: str | None = "govuk-input--error"


class TextInput(GovukWidget, forms.TextInput):
    def __init__(self, width: int | None = None, attrs: dict | None = None) -> None:
        width_class = f"govuk-input--width-{width}" if width else None
        super().__init__({"class": _classes("govuk-input", width_class), **(attrs or {})})


class NumericInput(TextInput):
    """Digits only; GOV.UK uses a text input with ``inputmode`` rather than type=number."""

    def __init__(self, width: int | None = None, attrs: dict | None = None) -> None:
        super().__init__(width, {"inputmode": "numeric", "spellcheck": "false", **(attrs or {})})


class FileUpload(GovukWidget, forms.FileInput):
    """The GOV.UK file upload; ``multiple`` lets one field take several files at once."""

    base_class = "govuk-file-upload"
    error_class = "govuk-file-upload--error"

    def __init__(self, multiple: bool = False, attrs: dict | None = None) -> None:
        self.allow_multiple_selected = multiple
        chosen = {"multiple": True} if multiple else {}
        super().__init__({"class": "govuk-file-upload", **chosen, **(attrs or {})})


class PasswordInput(GovukWidget, forms.PasswordInput):
    """The GOV.UK password input, with its Show button (drawn by ``fields/password.html``)."""

    govuk_kind = "password"
    base_class = "govuk-input govuk-password-input__input govuk-js-password-input-input"

    def __init__(self, attrs: dict | None = None) -> None:
        defaults = {"class": self.base_class, "spellcheck": "false", "autocapitalize": "none"}
        super().__init__({**defaults, **(attrs or {})})


class Textarea(GovukWidget, forms.Textarea):
    govuk_kind = "textarea"
    base_class = "govuk-textarea"
    error_class = "govuk-textarea--error"

    def __init__(self, rows: int = 5, attrs: dict | None = None) -> None:
        super().__init__({"class": "govuk-textarea", "rows": rows, **(attrs or {})})


class Select(GovukWidget, forms.Select):
    govuk_kind = "select"
    base_class = "govuk-select"
    error_class = "govuk-select--error"

    def __init__(self, attrs: dict | None = None, choices: tuple = ()) -> None:
        super().__init__({"class": "govuk-select", **(attrs or {})}, choices)


class Radios(GovukWidget, forms.RadioSelect):
    """Radios; ``inline`` puts short answers (Yes, No) side by side."""

    govuk_kind = "radios"
    base_class = "govuk-radios__input"
    error_class = None

    def __init__(
        self, inline: bool = False, attrs: dict | None = None, choices: tuple = ()
    ) -> None:
        super().__init__(attrs, choices)
        self.inline = inline


class Checkboxes(GovukWidget, forms.CheckboxSelectMultiple):
    govuk_kind = "checkboxes"
    base_class = "govuk-checkboxes__input"
    error_class = None


class DateInput(GovukWidget, forms.MultiWidget):
    """The GOV.UK date input: day, month and year boxes, posted as ``<name>_day`` and so on."""

    govuk_kind = "date"
    base_class = "govuk-input govuk-date-input__input"
    error_class = "govuk-input--error"
    parts = (("day", "Day", 2), ("month", "Month", 2), ("year", "Year", 4))

    def __init__(self, attrs: dict | None = None) -> None:
        widgets = {name: forms.TextInput() for name, _, _ in self.parts}
        super().__init__(widgets, attrs)

    def decompress(self, value: object) -> list[str | None]:
        if value is None or not hasattr(value, "year"):
            return [None, None, None]
        return [str(value.day), str(value.month), str(value.year)]  # type: ignore[attr-defined]

    def id_for_label(self, id_: str) -> str:
        return f"{id_}_day" if id_ else ""
