from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "oversight.web"
    label = "web"

    def ready(self) -> None:
        from oversight.config import checks  # noqa: F401 - registers the production checks
