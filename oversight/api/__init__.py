"""The REST API (django-ninja), described in OpenAPI at ``/api/openapi.json``.

Callers sign in as on the web (a session); the same need-to-know rules apply.
"""
