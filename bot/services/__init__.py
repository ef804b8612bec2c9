"""Use cases: one transaction each; they take a session and plain values and write outbox rows."""
