"""inspection (to come: see the issues)."""
