"""Background jobs: the work people start and wait for, run by separate worker processes.

A ``Job`` is the row a page polls: what was asked, by whom, how far it has got (done of
total), and how it ended (a summary, or the error). The work itself runs as a
django-tasks task (``tasks``): in the request that asked for it with the immediate backend
(the demo and the tests), or in an ``oversight worker`` process with the database backend
(production, ``OVERSIGHT_TASKS=database``). Workers say they are alive (``workers``), so
that a task whose worker died part-way is found and tried again; every task is one
transaction, or safe to run twice, so a second try never finds half of the first.
"""
