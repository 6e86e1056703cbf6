"""LTI 1.3 platform: external tools played in lessons (``lms.content`` plugin).

A trainer registers an external LTI 1.3 tool (admin → *Herramientas LTI*) and
embeds it in a lesson as interactive content; the learner launches it from the
lesson (OIDC third-party-initiated login, a signed ``id_token``), and the
tool's scores come back through Assignment and Grade Services 2.0 to become
the learner's content state, which completes the lesson and gives evidence
like any other content.
"""
