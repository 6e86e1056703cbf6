"""Entrevista técnica: an assessor interviews the candidate and records, per
question, a summary of the answer and the criteria it met."""
