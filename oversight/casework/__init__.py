"""Casework: the child's journey (models) and the one write path (services)."""
