"""Pure domain logic: de-identification, triage, routing policy, pseudonyms, deadlines (no I/O)."""
