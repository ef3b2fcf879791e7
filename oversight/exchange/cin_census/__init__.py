"""The Children in Need census: read, write, validate (the DfE rules of the year), import."""
