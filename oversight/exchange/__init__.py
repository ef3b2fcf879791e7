"""Data in and out: each exchange format is its own subpackage (read, load or write, spec).

An importer writes through the services of the capability it feeds (casework for the
children's records, inspection for Ofsted's outcomes), never around them.
"""
