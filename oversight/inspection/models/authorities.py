"""The local authorities Ofsted inspects, with the codes each source uses for them."""

from __future__ import annotations

from datetime import date

from django.db import models


class LocalAuthority(models.Model):
    """One LA with children's services: its Ofsted URN, its codes and its region."""

    urn = models.CharField("Ofsted URN", max_length=10, unique=True)
    code = models.CharField("ONS code", max_length=9, blank=True, db_index=True)
    old_code = models.CharField("DfE LA number", max_length=3, blank=True)
    name = models.CharField(max_length=100)
    region_code = models.CharField(max_length=3, blank=True)
    region_name = models.CharField(max_length=40, blank=True)
    established = models.DateField(null=True, blank=True, help_text="Empty: before 2005")
    abolished = models.DateField(null=True, blank=True)
    source = models.CharField(max_length=200, blank=True, help_text="Where this row came from")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name

    def existed_on(self, day: date) -> bool:
        started = self.established is None or self.established <= day
        return started and (self.abolished is None or day < self.abolished)
