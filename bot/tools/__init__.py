"""Command-line tools over the domain engines (deid, triage)."""
