"""Wagtail admin screens for certification officers, scoped by country."""
