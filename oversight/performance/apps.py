from django.apps import AppConfig


class PerformanceConfig(AppConfig):
    name = "oversight.performance"
    label = "performance"

    def ready(self) -> None:
        from oversight.performance import changes

        changes.listen()
