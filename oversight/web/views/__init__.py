"""The pages of the web interface, one module per area.

``auth`` (sign in, sign out), ``my_work`` (the start page for each role), ``teams``,
``children`` (search and a child's record) and ``recording`` (the forms that record
work through the casework services).
"""
