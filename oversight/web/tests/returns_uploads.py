"""Uploading returns through the returns page, for the returns pages' tests.

Returns are built by the exchange tests' own builders (``census_xml``, SSDA903 ``files``),
so a test changes only what it is about. The people, children and teams are the web
tests' own (``conftest``): Pia, the analyst, prepares returns; Aisha (A100) and Ben (B200)
are in Safeguarding 1, Cara (C300) in Safeguarding 2.
"""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from oversight.exchange.cin_census.tests.builders import census_xml
from oversight.exchange.cin_census.tests.builders import child as census_child
from oversight.exchange.ssda903.tests.builders import files as ssda903_files
from oversight.exchange.validation_runs.models import ValidationRun

YEAR = "2025-26"


def census_file(*ids: str, name: str = "census.xml", **fields: str | None) -> SimpleUploadedFile:
    """A CIN census of children with these LA child ids, each with ``fields`` changed.

    The children have no UPN, for a reason the DfE accepts (UN2), so that several of them
    pass without sharing a UPN; with no fields changed the census has no findings.
    """
    fields = {"UPN": None, "UPNunknown": "UN2"} | fields
    children = [census_child(la_child_id, **fields) for la_child_id in ids]
    return SimpleUploadedFile(name, census_xml(*children), content_type="text/xml")


def census_of(name: str = "census.xml", **children: dict) -> SimpleUploadedFile:
    """A census of these children (by LA child id), each with its own fields changed."""
    made = [census_child(la_child_id, **({"UPN": None, "UPNunknown": "UN2"} | fields))
            for la_child_id, fields in children.items()]  # fmt: skip
    return SimpleUploadedFile(name, census_xml(*made), content_type="text/xml")


def census_with_errors(*ids: str, name: str = "census.xml") -> SimpleUploadedFile:
    """A census giving each child a sex code that does not exist: error 4180 for each."""
    return census_file(*ids, name=name, Sex="X")


def ssda903_upload(*children: dict) -> list[SimpleUploadedFile]:
    return [
        SimpleUploadedFile(name, text.encode(), content_type="text/csv")
        for name, text in ssda903_files(*children).items()
    ]


def upload(client: Client, files: list | SimpleUploadedFile, kind: str = "cin-census",
           year: str = YEAR, previous: list | None = None):  # fmt: skip
    """Post the upload form, following nothing: a redirect to the run, or the form again."""
    form = {"kind": kind, "year": year, "files": files}
    if previous:
        form["previous"] = previous
    return client.post(reverse("web:returns"), form)


def uploaded_run(client: Client, files: list | SimpleUploadedFile, **how: object) -> ValidationRun:
    response = upload(client, files, **how)  # type: ignore[arg-type]
    assert response.status_code == 302, response.content.decode()[:2000]
    return ValidationRun.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[-1])
