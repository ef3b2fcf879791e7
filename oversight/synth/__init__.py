"""Synthetic local authority: a deterministic simulation of the child's journey, written through casework services."""
