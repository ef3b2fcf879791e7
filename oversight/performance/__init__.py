"""performance (to come: see the issues)."""
