"""Ofsted's Annex A: the child-level lists 1-11 an LA gives inspectors, out and in.

- ``spec``: each list's sheet, columns (as Ofsted names them), meaning, type, and who is
  on it (its look-back window); ``windows`` turns a window rule into dates.
- ``values``: Ofsted's labels for coded values ("b) Female", "q) 6: Police") and the
  variants LAs write, read back to DfE codes.
- ``write``: the workbook for an inspection date, from the records (``lists_*`` build
  each list's rows).
- ``read``: a workbook's rows as typed facts, with every problem by sheet, row, column.
- ``load``: those facts into the records, through the casework services.

``docs/annex_a.md`` says what each list holds and what is and is not imported.
"""
