from django.apps import AppConfig


class ValidationRunsConfig(AppConfig):
    name = "oversight.exchange.validation_runs"
    label = "validation_runs"
    verbose_name = "Validation runs of the DfE returns"
