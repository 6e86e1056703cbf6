"""Who sees what.

- A country's certification officer: their country, in full detail.
- The Technical Group's regional role: the four countries side by side,
  aggregated only, with small cells suppressed.
- A trainer: their own courses.
- Nobody sees another country's breakdowns, and no report lists a person.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from certification.roles import officer_countries
from courses.models import CoursePage
from courses.roles import REGIONAL_GROUP
from lms.reference.models import CountryCode

ALL_COUNTRIES = frozenset(CountryCode.values)


@dataclass(frozen=True)
class Scope:
    countries: frozenset[str]
    courses: frozenset[int] | None = None  # None: every course
    suppress: bool = False  # show cells under SMALL_CELL as «<5»
    regional: bool = False  # the countries side by side

    @property
    def trainer(self) -> bool:
        return self.courses is not None

    @property
    def label(self) -> str:
        if self.trainer:
            return str(_("Mis cursos"))
        if self.regional:
            return str(_("Alianza del Pacífico (regional)"))
        return ", ".join(str(CountryCode(c).label) for c in sorted(self.countries))


def regional_group() -> Group:
    """The Technical Group's role: reaches the CMS, reads regional reports."""
    group, _created = Group.objects.get_or_create(name=REGIONAL_GROUP)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
    )
    return group


def scope_for(user, *, country: str = "") -> Scope | None:
    """The reports ``user`` may read (narrowed to ``country`` when asked and
    allowed); None when they may read none."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_superuser:
        countries = ALL_COUNTRIES
        return _narrow(Scope(countries=countries), country)
    mine = frozenset(officer_countries(user))
    if mine:
        return _narrow(Scope(countries=mine), country)
    if user.groups.filter(name=REGIONAL_GROUP).exists():
        if country:
            return None  # aggregated only: no single country's detail
        return Scope(countries=ALL_COUNTRIES, suppress=True, regional=True)
    courses = frozenset(
        CoursePage.objects.filter(trainers=user).values_list("pk", flat=True)
    )
    if courses:
        return Scope(countries=ALL_COUNTRIES, courses=courses)
    return None


def reports_visible(user) -> bool:
    """Whether ``user`` may read some report (the admin menu asks on every
    page): one query beyond the officer countries the admin already read."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or officer_countries(user):
        return True
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(
            Q(groups__name=REGIONAL_GROUP)
            | Exists(CoursePage.objects.filter(trainers=OuterRef("pk")))
        )
        .exists()
    )


def _narrow(scope: Scope, country: str) -> Scope | None:
    if not country:
        return scope
    if country not in scope.countries:
        return None
    return Scope(countries=frozenset({country}))
