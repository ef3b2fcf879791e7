"""Validation runs of the DfE returns, kept for a while so that a return can be fixed.

Each time a CIN census or SSDA903 return is checked (an upload, or the census written from
the records), the run is stored: who, when, which files, the year, the counts and every
finding, and how it differs from the run before it of the same return (``changes``). The
files themselves are never kept. Runs are deleted once older than
``OVERSIGHT_VALIDATION_RUN_DAYS`` (``runs.delete_expired``) or when someone deletes one.
"""
