"""A minimal third-party assessment plugin: one question, one expected word."""
