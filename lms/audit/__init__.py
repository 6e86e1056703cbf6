"""The append-only audit log every layer writes to (grades, evidence,
approvals, issuance, status changes, permission changes)."""
