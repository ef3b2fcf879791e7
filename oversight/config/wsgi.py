"""WSGI entry point for production servers."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.config.settings")
application = get_wsgi_application()
# Import every view while the worker starts, not during someone's first request: the views
# bring in the chart, PDF and spreadsheet libraries, seconds of imports on a busy machine.
get_resolver().url_patterns  # noqa: B018 - read for its side effect
