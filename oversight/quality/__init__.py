"""quality (to come: see the issues)."""
