from celery import shared_task


@shared_task(name="reports.rebuild_summaries")
def rebuild_summaries() -> int:
    from .summaries import summaries_rebuild

    return summaries_rebuild().rows


@shared_task(name="reports.send_monthly")
def send_monthly() -> int:
    from .monthly import monthly_reports_send

    return monthly_reports_send()
