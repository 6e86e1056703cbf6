"""Demo content and the seeders behind ``manage.py seed_demo``."""
