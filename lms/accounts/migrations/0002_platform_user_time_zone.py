import django.db.models
from django.db import migrations

import lms.accounts.timezones

COUNTRY_TIME_ZONES = {
    "CL": "America/Santiago",
    "CO": "America/Bogota",
    "MX": "America/Mexico_City",
    "PE": "America/Lima",
}


def time_zones_from_countries(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    for country, zone in COUNTRY_TIME_ZONES.items():
        User.objects.filter(country=country, time_zone="").update(time_zone=zone)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="user",
            name="time_zone",
            field=django.db.models.CharField(
                blank=True,
                help_text=(
                    "Las horas (plazos, envíos, correos) se le muestran en esta "
                    "zona. Por omisión, la de su país."
                ),
                max_length=64,
                validators=[lms.accounts.timezones.time_zone_validate],
                verbose_name="zona horaria",
            ),
        ),
        migrations.RunPython(time_zones_from_countries, migrations.RunPython.noop),
    ]
