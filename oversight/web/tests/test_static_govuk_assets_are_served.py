from django.test import Client

from oversight.web.tests.helpers import text


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_govuk_stylesheet_is_served_without_signing_in(db):
    response = Client().get("/static/govuk/govuk-frontend.min.css")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert b".govuk-header" in body(response)


def test_the_stylesheet_finds_its_fonts_next_to_it(db):
    css = body(Client().get("/static/govuk/govuk-frontend.min.css")).decode()
    assert "url(/assets/" not in css
    assert Client().get("/static/govuk/assets/fonts/light-94a07e06a1-v2.woff2").status_code == 200


def test_the_pages_load_the_vendored_assets_and_nothing_from_the_internet(client, db):
    html = client.get("/sign-in/").content.decode()
    assert 'href="/static/govuk/govuk-frontend.min.css"' in html
    assert '<script type="module" src="/static/web/govuk-init.js">' in html
    assert "https://" not in html and "http://" not in html
    assert 'class="govuk-template govuk-template--rebranded"' in html
    assert "Demo Synthetic data only" in text(client.get("/sign-in/"))


def test_the_script_that_starts_govuk_frontend_imports_the_vendored_copy(db):
    response = Client().get("/static/web/govuk-init.js")
    assert "javascript" in response["Content-Type"]
    assert b"from '../govuk/govuk-frontend.min.js'" in body(response)
