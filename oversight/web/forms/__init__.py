"""GOV.UK forms for the web interface.

The template pack is defined once here: widgets (``widgets``), the date input
(``dates``), the renderer and form base class (``base``), choices shown as words
(``choices``), the child's voice asked the same way at every event (``voice``), and
saving through the casework services with optimistic locking (``saving``). The forms
themselves are in ``front_door``, ``practice``, ``care`` and ``sign_in``, among
others.
"""

from oversight.web.forms.base import GovukForm, GovukFormMixin
from oversight.web.forms.dates import DateField
from oversight.web.forms.saving import RECORD_CHANGED, RecordChanged, VersionedForm, locked, save

__all__ = [
    "RECORD_CHANGED",
    "DateField",
    "GovukForm",
    "GovukFormMixin",
    "RecordChanged",
    "VersionedForm",
    "locked",
    "save",
]
