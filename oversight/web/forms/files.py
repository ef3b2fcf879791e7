"""A form field for one or several uploaded files, cleaned to a list.

Django's ``FileField`` takes one file; a return such as SSDA903 is several files chosen at
once. What the files may be (their type, size and content) is checked by the form that
uses the field, through ``web.uploads``.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from oversight.web.forms.widgets import FileUpload


class FilesField(forms.FileField):
    def __init__(self, **kwargs: object) -> None:
        kwargs.setdefault("widget", FileUpload(multiple=True))
        super().__init__(**kwargs)  # type: ignore[arg-type]

    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:  # type: ignore[override]
        given = list(data) if isinstance(data, list | tuple) else [data] if data else []
        if not given:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        return [super(FilesField, self).clean(one, initial) for one in given]
