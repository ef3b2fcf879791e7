from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "oversight.jobs"
    label = "jobs"
    verbose_name = "Background jobs"
