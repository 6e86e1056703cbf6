"""Reports in the demo: the demo learners' optional profile fields filled in,
and the summary built, so «Informes» shows figures right after seeding."""

from django.contrib.auth import get_user_model

from courses.reports.summaries import summaries_rebuild

DEMOGRAPHICS = {
    "CL": ("CL-VS", "female", "25-34"),
    "CO": ("CO-ANT", "male", "35-44"),
    "MX": ("MX-OAX", "undisclosed", "18-24"),
    "PE": ("PE-CUS", "female", "45-54"),
}


def seed_reports_demo(context) -> None:
    learners = get_user_model().objects.filter(
        is_staff=False, region="", country__in=DEMOGRAPHICS
    )
    for user in learners:
        region, gender, age_band = DEMOGRAPHICS[user.country]
        user.region, user.gender, user.age_band = region, gender, age_band
        user.save(update_fields=["region", "gender", "age_band"])
    build = summaries_rebuild()
    context.record("report figures", "computed", build.rows)
