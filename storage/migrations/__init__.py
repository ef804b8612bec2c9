"""Alembic migrations (numbered revisions, read by a human after --autogenerate)."""
