"""Saving a form through the casework services, and optimistic locking, defined once.

``save(form, action)`` runs ``action`` (which calls a service) in one transaction. A
refusal naming its field (``CaseworkError``, or the inspection capability's
``InspectionError``) becomes an error on the form against that field, and a
record that changed since the form was opened (``RecordChanged``) becomes the message
``RECORD_CHANGED``; either way nothing is saved.

Optimistic locking: a ``VersionedForm`` carries the record's ``version`` in a hidden
field. Inside ``action``, ``locked(queryset, pk, form)`` fetches the record for update
and raises ``RecordChanged`` when its version is no longer the one the form was opened
with. The form then carries the new version, so a second try after checking succeeds.
"""

from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.db import models, transaction

from oversight.casework.services import CaseworkError
from oversight.inspection.services import InspectionError
from oversight.web.forms.base import GovukForm

RECORD_CHANGED = "This record changed since you opened it. Check the latest details and try again."

M = TypeVar("M", bound=models.Model)


class RecordChanged(Exception):
    """The record's version moved on after the form was opened."""

    def __init__(self, current_version: int) -> None:
        super().__init__(RECORD_CHANGED)
        self.current_version = current_version


class VersionedForm(GovukForm):
    """A form about one existing record, opened at the record's ``version``."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: object, record: models.Model, **kwargs: object) -> None:
        initial = dict(kwargs.pop("initial", None) or {})  # type: ignore[call-overload]
        initial["version"] = record.version  # type: ignore[attr-defined]
        super().__init__(*args, initial=initial, **kwargs)  # type: ignore[arg-type]

    def carry_version(self, version: int) -> None:
        self.data = self.data.copy()
        self.data["version"] = str(version)


def locked(queryset: models.QuerySet[M], pk: int, form: VersionedForm) -> M:
    """The record, locked until the transaction ends; ``RecordChanged`` if it moved on."""
    record = queryset.select_for_update().get(pk=pk)
    if record.version != form.cleaned_data["version"]:  # type: ignore[attr-defined]
        raise RecordChanged(record.version)  # type: ignore[attr-defined]
    return record


def save(form: GovukForm, action: Callable[[], object]) -> bool:
    """Run ``action`` atomically; on a refusal, put the reason on the form and return False."""
    try:
        with transaction.atomic():
            action()
    except (CaseworkError, InspectionError) as error:
        form.add_casework_error(error)
    except RecordChanged as changed:
        form.add_error(None, RECORD_CHANGED)
        if isinstance(form, VersionedForm):
            form.carry_version(changed.current_version)
    else:
        return True
    return False
