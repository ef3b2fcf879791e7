"""Writing the access log: every view of a child's record and every list of children."""

import ipaddress

from django.http import HttpRequest

from oversight.accounts.models import AccessEvent

VIEW_CHILD = "view-child"
LIST_CHILDREN = "list-children"


def client_address(request: HttpRequest) -> str | None:
    """The address the request came from (behind a proxy, the proxy's own address)."""
    address = request.META.get("REMOTE_ADDR", "")
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def log_access(
    request: HttpRequest, action: str, child_id: int | None = None, detail: str = ""
) -> None:
    AccessEvent.objects.create(
        user=request.user if request.user.is_authenticated else None,
        action=action,
        child_id=child_id,
        detail=detail[:200],
        address=client_address(request),
    )
