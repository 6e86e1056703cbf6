"""The learner's offer page (under the language prefixes)."""

from django.urls import path

from . import views

app_name = "wallet_offer"

urlpatterns = [path("<str:public_id>/", views.offer, name="offer")]
