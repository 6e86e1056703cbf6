"""The demo courses, one module per course, written in Spanish with English
translations. Lesson bodies use the small markup of ``courses.demo.markup``."""
