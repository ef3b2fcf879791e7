from django.apps import AppConfig


class QualityConfig(AppConfig):
    name = "oversight.quality"
    label = "quality"
