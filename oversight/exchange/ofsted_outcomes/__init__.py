"""Ofsted's published outcomes of LA children's services inspections.

``read`` turns the published files (shipped in ``data/``, see its SOURCES.md) into plain
records and a list of every value not loaded; ``load`` writes them through the inspection
services. ``spec`` holds the columns, the grade words and the known source errors.
"""
