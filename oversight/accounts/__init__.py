"""Accounts: users, teams and roles; the shape of need-to-know access."""
