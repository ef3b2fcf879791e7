"""Web interface: server-rendered pages in the GOV.UK Design System style."""
