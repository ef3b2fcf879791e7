"""Writing the access log from a request: every view of a child's record, every list of
children, every export or download that contains children, and every view or list of
prospective adopters. Entries go through ``accounts.access_log.append``, the hash chain's
one write path. A list or an export passes the ids of the children it showed
(``child_ids``), so that "who has looked at this child" finds it.
"""

import ipaddress
from collections.abc import Iterable

from django.http import HttpRequest

from oversight.accounts.access_log import append

VIEW_CHILD = "view-child"
LIST_CHILDREN = "list-children"
EXPORT = "export"
VIEW_ACCESS_LOG = "view-access-log"
# Prospective adopters are not children: the entry's detail names the households.
VIEW_ADOPTERS = "view-adopters"
LIST_ADOPTERS = "list-adopters"
# Staff behind a figure of the workforce (who left, who is an agency worker).
LIST_WORKERS = "list-workers"


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from (behind a proxy, the proxy's own address)."""
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def log_access(
    request: HttpRequest,
    action: str,
    child_id: int | None = None,
    detail: str = "",
    reason: str = "",
    child_ids: Iterable[int] = (),
) -> None:
    """Log who did ``action`` from where; ``reason`` is why, where the user was asked;
    ``child_ids`` the children a list or an export showed."""
    user = request.user if request.user.is_authenticated else None
    append(user, action, child_id, detail, reason, client_address(request), child_ids)  # type: ignore[arg-type]
