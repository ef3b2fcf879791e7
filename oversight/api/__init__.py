"""api (to come: see the issues)."""
