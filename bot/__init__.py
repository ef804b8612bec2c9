"""Confrère: de-identified clinical questions from physicians to on-call specialists."""
