"""LTI 1.3 Advantage tool: external LMSs launch courses and assessments of
this platform, and receive the grades back (entry-point group
``lms.integrations``)."""
