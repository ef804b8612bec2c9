"""SQLModel models, async engine and sessions, query functions, Alembic migrations."""
