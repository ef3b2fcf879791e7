"""Top-level URL configuration."""

from django.urls import include, path

urlpatterns = [
    path("", include("oversight.web.urls")),
]
