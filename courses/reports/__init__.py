"""Reports for the ministries, the Technical Group and trainers.

Dashboards read from a summary table (``ReportFigure``) that a periodic task
rebuilds from the raw rows, never from scans of those rows at request time.
"""
