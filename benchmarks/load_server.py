"""The web application as the load test serves it: the real one, timed from inside.

``benchmarks.load`` has granian serve ``benchmarks.load_server:application``: the
project's own WSGI application (``oversight.config.wsgi``), wrapped so that each request
adds one line to a file of its worker process (in the folder ``OVERSIGHT_LOAD_TIMINGS``):
the page, the status, the time in Django, the number and time of its database queries,
and the time spent appending to the access log and, within that, taking the chain head
(whose lock every logged page waits its turn for). The wrapper changes nothing a request
does; ``benchmarks.load`` reads the lines back to say where the time went.
"""

import json
import os
import threading
import time
import traceback
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oversight.config.settings")

from django.core.signals import got_request_exception  # noqa: E402 - after the settings
from django.db import connection  # noqa: E402
from django.urls import Resolver404, resolve  # noqa: E402

from oversight.config.wsgi import application as django_application  # noqa: E402

_timings = threading.local()
_write_lock = threading.Lock()
_folder = Path(os.environ["OVERSIGHT_LOAD_TIMINGS"])
_out = (_folder / f"server-{os.getpid()}.jsonl").open("a", buffering=1, encoding="utf-8")
_errors = (_folder / f"errors-{os.getpid()}.log").open("a", buffering=1, encoding="utf-8")


def _add(name: str, seconds: float) -> None:
    setattr(_timings, name, getattr(_timings, name, 0.0) + seconds)


def _timed(function, name: str):  # noqa: ANN001, ANN202 - wraps any function
    def timed(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            _add(name, time.perf_counter() - started)

    return timed


def _time_the_access_log() -> None:
    """Time appends, and taking the chain head within them (imported once the apps are)."""
    import oversight.accounts.access_log as chain
    import oversight.web.access_log as web_log

    # log_access calls the name it imported; _advance_head is looked up at call time.
    web_log.append = _timed(web_log.append, "append")
    chain._advance_head = _timed(chain._advance_head, "head_wait")


_time_the_access_log()


def _write_error(request=None, **_) -> None:  # noqa: ANN001
    """Without DEBUG, Django only mails a server error: keep its traceback for the report."""
    path = getattr(request, "path", "")
    with _write_lock:
        _errors.write(f"--- {path}\n{traceback.format_exc()}\n")


got_request_exception.connect(_write_error, dispatch_uid="load_server.errors")


def _count_query(execute, sql, params, many, context):  # noqa: ANN001, ANN202
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        _add("db", time.perf_counter() - started)
        _timings.queries = getattr(_timings, "queries", 0) + 1


def _page(path: str) -> str:
    try:
        return resolve(path).url_name or path
    except Resolver404:
        return "static" if path.startswith("/static/") else "not found"


def application(environ, start_response):  # noqa: ANN001, ANN201 - the WSGI signature
    _timings.__dict__.clear()
    status: list[str] = []

    def remember(code, headers, exc_info=None):  # noqa: ANN001, ANN202
        status.append(code)
        return start_response(code, headers, exc_info)

    started = time.perf_counter()
    with connection.execute_wrapper(_count_query):
        body = django_application(environ, remember)
    _record(environ, status[0] if status else "", time.perf_counter() - started)
    return body


def _record(environ: dict, status: str, seconds: float) -> None:
    line = {
        "page": _page(environ.get("PATH_INFO", "")),
        "method": environ.get("REQUEST_METHOD", ""),
        "status": int(status.split()[0]) if status else 0,
        "ms": seconds * 1000,
        "queries": getattr(_timings, "queries", 0),
        "db_ms": getattr(_timings, "db", 0.0) * 1000,
        "append_ms": getattr(_timings, "append", 0.0) * 1000,
        "head_wait_ms": getattr(_timings, "head_wait", 0.0) * 1000,
    }
    with _write_lock:
        _out.write(json.dumps(line) + "\n")
