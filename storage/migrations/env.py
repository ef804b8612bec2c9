"""Alembic environment: runs on a connection handed over by ``storage.migrate``."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from storage import models

target_metadata = models.metadata


def run_on(connection: Connection) -> None:
    """Configure the context on ``connection`` and run the migrations."""
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `confrere db upgrade`, which provides a connection")
run_on(connection)
