from django.contrib import admin

from .models import Country, Sector

admin.site.register(Country)
admin.site.register(Sector)
