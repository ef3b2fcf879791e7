"""Account administration is done through the CLI for now; the Django admin is not mounted."""
