"""Top-level URL configuration: the web pages, and the REST API under /api/."""

from django.urls import include, path

from oversight.api.urls import api

urlpatterns = [
    path("api/", api.urls),
    path("", include("oversight.web.urls")),
]
