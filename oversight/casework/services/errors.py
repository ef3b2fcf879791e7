"""The error every casework service raises when an event cannot be recorded as given."""

from functools import cache

from django.db.models import TextChoices


class CaseworkError(ValueError):
    """An event that breaks a rule of the journey: says what, which field, and what to do."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

    def __reduce__(self) -> tuple[type["CaseworkError"], tuple[str, str]]:
        # So that a refusal in a worker process reaches the parent whole (an exception is
        # pickled with its ``args``, which here are not the constructor's).
        return (type(self), (self.field, self.message))


def require_on_or_after(field: str, value: object, earlier: object, earlier_name: str) -> None:
    if value is not None and earlier is not None and value < earlier:  # type: ignore[operator]
        raise CaseworkError(
            field, f"{value} is before the {earlier_name} ({earlier}); check the date and try again"
        )


@cache
def _allowed(choices: type[TextChoices]) -> frozenset[str]:
    return frozenset(choices.values)


def require_choice(field: str, value: str, choices: type[TextChoices]) -> None:
    if value not in _allowed(choices):
        raise CaseworkError(field, f"'{value}' is not one of: {', '.join(choices.values)}")


def require_code(field: str, code_set: str, code: str) -> None:
    from oversight.codes import is_valid

    if not is_valid(code_set, code):
        raise CaseworkError(field, f"'{code}' is not a DfE {code_set.replace('_', ' ')} code")
