"""GOV.UK form rendering, defined once: a renderer, a bound field and a form base class.

Every form in the web interface is a ``GovukForm`` (or mixes in ``GovukFormMixin``).
``{{ form }}`` draws each field as a GOV.UK form group (label or fieldset and legend,
hint, error message, the input with its error class); ``web/forms/error_summary.html``
draws the error summary with a link to each field. Fields named in ``reveals`` are
shown inside a radio's conditional reveal instead of on their own.
"""

from dataclasses import dataclass, field
from typing import Any, ClassVar

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates

from oversight.casework.services import CaseworkError
from oversight.inspection.services import InspectionError


@dataclass(frozen=True)
class Option:
    """One radio or checkbox: its value, words, id, whether chosen, and what it reveals."""

    value: str
    label: str
    id: str
    checked: bool
    reveals: list[BoundField] = field(default_factory=list)

    @property
    def conditional_id(self) -> str:
        return f"conditional-{self.id}"


class GovukBoundField(BoundField):
    """A bound field that knows its GOV.UK component, ids and error state."""

    @property
    def kind(self) -> str:
        return getattr(self.field.widget, "govuk_kind", "input")

    @property
    def govuk_template(self) -> str:
        return f"web/forms/fields/{self.kind}.html"

    @property
    def hint_id(self) -> str:
        return f"{self.auto_id}-hint" if self.help_text else ""

    @property
    def error_id(self) -> str:
        return f"{self.auto_id}-error" if self.errors else ""

    @property
    def aria_describedby(self) -> str | None:
        return " ".join(filter(None, [self.hint_id, self.error_id])) or None

    @property
    def anchor(self) -> str:
        """The id the error summary links to: the first input of the field."""
        if self.kind in ("radios", "checkboxes"):
            return f"{self.auto_id}_0"
        if self.kind == "date":
            return f"{self.auto_id}_{self.date_error_parts()[0]}"
        return self.auto_id

    def build_widget_attrs(self, attrs: dict, widget: forms.Widget | None = None) -> dict:
        widget = widget or self.field.widget
        attrs = super().build_widget_attrs(attrs, widget)
        error_class = getattr(widget, "error_class", None)
        if self.errors and error_class:
            attrs["class"] = f"{widget.attrs.get('class', '')} {error_class}".strip()
        return attrs

    @property
    def options(self) -> list[Option]:
        chosen = self.value()
        chosen = {str(v) for v in chosen} if isinstance(chosen, list | tuple) else {str(chosen)}
        reveals = getattr(self.form, "reveals", {}).get(self.name, {})
        return [
            Option(
                str(value),
                str(label),
                f"{self.auto_id}_{index}",
                str(value) in chosen,
                [self.form[name] for name in reveals.get(str(value), ())],
            )
            for index, (value, label) in enumerate(self.field.choices)
            if value != ""
        ]

    def date_error_parts(self) -> list[str]:
        parts: list[str] = []
        for error in self.errors.as_data():
            parts += (error.params or {}).get("parts", [])
        return parts or ["day", "month", "year"]

    @property
    def date_parts(self) -> list[dict[str, Any]]:
        widget = self.field.widget
        values = self.value()
        if not isinstance(values, list | tuple):
            values = widget.decompress(values)
        wrong = self.date_error_parts() if self.errors else []
        return [
            {
                "name": f"{self.html_name}_{name}",
                "id": f"{self.auto_id}_{name}",
                "label": label,
                "width": width,
                "value": value or "",
                "error": name in wrong,
            }
            for (name, label, width), value in zip(widget.parts, values, strict=False)
        ]


class GovukRenderer(DjangoTemplates):
    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"
    bound_field_class = GovukBoundField


RENDERER = GovukRenderer()


class GovukFormMixin:
    """What every GOV.UK form has: the renderer, an error summary and casework errors."""

    default_renderer = RENDERER
    bound_field_class = GovukBoundField
    use_required_attribute = False  # GOV.UK forms validate on the server (``novalidate``)
    reveals: ClassVar[dict[str, dict[str, tuple[str, ...]]]] = {}
    # Casework service argument names that differ from this form's field names.
    service_fields: ClassVar[dict[str, str]] = {}
    # Where a form-wide error (not about one field) links to in the summary, if anywhere.
    non_field_error_anchor: ClassVar[str | None] = None

    @property
    def top_fields(self) -> list[BoundField]:
        nested = {
            name for values in self.reveals.values() for names in values.values() for name in names
        }
        return [bf for bf in self.visible_fields() if bf.name not in nested]  # type: ignore[attr-defined]

    @property
    def error_list(self) -> list[dict[str, str]]:
        """One line per problem, each linking to its field, in the order of the page."""
        anchor = self.non_field_error_anchor
        href = f"#{self[anchor].anchor}" if anchor else ""  # type: ignore[index]
        items = [{"message": str(m), "href": href} for m in self.non_field_errors()]  # type: ignore[attr-defined]
        for bound in self.visible_fields():  # type: ignore[attr-defined]
            if bound.errors:
                items.append({"message": bound.errors[0], "href": f"#{bound.anchor}"})
        return items

    def add_casework_error(self, error: CaseworkError | InspectionError) -> None:
        """Show a service's refusal against the field it is about."""
        name = self.service_fields.get(error.field, error.field)
        message = error.message[:1].upper() + error.message[1:]
        self.add_error(name if name in self.fields else None, message)  # type: ignore[attr-defined]


class GovukForm(GovukFormMixin, forms.Form):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for bound in self.visible_fields():
            default_required_message(bound)


def default_required_message(bound: GovukBoundField) -> None:
    """Replace Django's "This field is required." with words about the field."""
    messages = bound.field.error_messages
    if str(messages.get("required")) == str(forms.Field.default_error_messages["required"]):
        verb = "Select" if bound.kind in ("radios", "checkboxes", "select") else "Enter"
        label = str(bound.label)
        messages["required"] = f"{verb} {label[:1].lower()}{label[1:]}".rstrip("?")
