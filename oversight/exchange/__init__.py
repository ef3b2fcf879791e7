"""exchange (to come: see the issues)."""
