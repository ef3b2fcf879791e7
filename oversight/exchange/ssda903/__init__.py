"""The SSDA903 return (children looked after): read its CSV files and validate them against
the DfE rules of the year."""
