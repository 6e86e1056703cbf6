"""The seeders run by ``manage.py seed_demo``, in order.

A seeder is a function taking the shared :class:`SeedContext`; it must be
idempotent (a second run changes nothing) and record what it did with
``context.record(kind, outcome)``. Seeders later in the list may rely on what
earlier ones put in the context (locales, catalog, sector pages, users).
"""

from collections import Counter
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from wagtail.models import Locale, Page, Site

from courses.demo import markup
from courses.demo.content import (  # noqa: I001
    audiovisual,
    heritage,
    music,
    performing_arts,
    publishing,
)
from courses.demo.covers import cover_image
from courses.demo.pages import child_page_upsert, translation_upsert
from courses.demo.quizzes import quiz_blocks
from courses.demo.sectors import SECTOR_PAGES
from courses.models import CatalogPage, CoursePage, LessonPage, SectorPage
from courses.roles import (
    ASSESSORS_GROUP,
    OFFICERS_GROUP,
    REGIONAL_GROUP,
    REVIEWERS_GROUP,
    roles_sync,
    trainer_group_name,
)
from lms.accounts.identity import normalize_national_id
from lms.public_url import public_site_fields
from lms.reference.data import load_reference_data
from lms.reference.models import Country, Sector

DEMO_PASSWORD = "demo-cultura-2026"
DEMO_COURSES = [publishing.COURSE, music.COURSE, performing_arts.COURSE]
DEMO_COURSES += [audiovisual.COURSE, heritage.COURSE]
SITE_NAME = "Cultura AP"


@dataclass(frozen=True)
class DemoUser:
    username: str
    email: str
    role: str
    legal_name: str
    country: str = ""
    national_id: str = ""
    groups: tuple[str, ...] = ()
    sector: str = ""  # trainers: the sector whose group they join
    superuser: bool = False


DEMO_USERS = [
    DemoUser(
        "admin",
        "admin@cultura-ap.example",
        "administración",
        "Ana María Soto",
        "CL",
        superuser=True,
    ),
    DemoUser(
        "formador",
        "formador@cultura-ap.example",
        "formador (edición)",
        "Felipe Restrepo Gómez",
        "CO",
        sector="publishing",
    ),
    DemoUser(
        "formadora-musica",
        "formadora.musica@cultura-ap.example",
        "formadora (música)",
        "Lucía Hernández Ruiz",
        "MX",
        sector="music",
    ),
    DemoUser(
        "formador-escena",
        "formador.escena@cultura-ap.example",
        "formador (artes escénicas)",
        "Diego Quispe Mamani",
        "PE",
        sector="performing-arts",
    ),
    DemoUser(
        "revisor",
        "revisor@cultura-ap.example",
        "revisor de contenido",
        "Rosa Castillo Vega",
        "PE",
        groups=(REVIEWERS_GROUP,),
    ),
    DemoUser(
        "evaluador",
        "evaluador@cultura-ap.example",
        "evaluador",
        "Eduardo Martínez Pardo",
        "CO",
        groups=(ASSESSORS_GROUP,),
    ),
    DemoUser(
        "oficial",
        "oficial@cultura-ap.example",
        "oficial de certificación (Chile)",
        "Olga Fuentes Araya",
        "CL",
        groups=(OFFICERS_GROUP,),
    ),
    DemoUser(
        "oficial-co",
        "oficial.co@cultura-ap.example",
        "oficial de certificación (Colombia)",
        "Óscar Rincón Vargas",
        "CO",
        groups=(OFFICERS_GROUP,),
    ),
    DemoUser(
        "oficial-mx",
        "oficial.mx@cultura-ap.example",
        "oficial de certificación (México)",
        "Alma Delgado Cruz",
        "MX",
        groups=(OFFICERS_GROUP,),
    ),
    DemoUser(
        "oficial-pe",
        "oficial.pe@cultura-ap.example",
        "oficial de certificación (Perú)",
        "Pedro Huamán Rojas",
        "PE",
        groups=(OFFICERS_GROUP,),
    ),
    DemoUser(
        "grupo-tecnico",
        "grupo-tecnico@cultura-ap.example",
        "Grupo Técnico de Cultura (informes regionales)",
        "Lucía Ramírez Vega",
        groups=(REGIONAL_GROUP,),
    ),
    DemoUser(
        "aprendiz",
        "aprendiz@cultura-ap.example",
        "aprendiz",
        "Camila Torres Muñoz",
        "CL",
        national_id="12.345.678-5",
    ),
]


@dataclass
class SeedContext:
    """What the seeders share: objects made so far and a tally of outcomes."""

    locales: dict[str, Locale] = field(default_factory=dict)
    catalog: CatalogPage | None = None
    sector_pages: dict[str, SectorPage] = field(default_factory=dict)
    users: dict[str, object] = field(default_factory=dict)
    tally: Counter = field(default_factory=Counter)

    def record(self, kind: str, outcome: str, count: int = 1) -> None:
        self.tally[(kind, outcome)] += count


def seed_locales(context: SeedContext) -> None:
    for code in ("es", "en"):
        locale, created = Locale.objects.get_or_create(language_code=code)
        context.locales[code] = locale
        context.record("locales", "created" if created else "unchanged")


def seed_reference_data(context: SeedContext) -> None:
    load_reference_data(Country, Sector)
    context.record("countries", "present", Country.objects.count())
    context.record("sectors", "present", Sector.objects.count())


def _remove_welcome_page(site_root_ids: set[int]) -> None:
    """Delete Wagtail's default welcome page (a plain "home" Page, childless)."""
    plain = ContentType.objects.get_for_model(Page)
    for page in Page.objects.filter(depth=2, content_type=plain, slug="home"):
        if page.pk not in site_root_ids and page.numchild == 0:
            page.delete()


def seed_catalog(context: SeedContext) -> None:
    spanish, english = context.locales["es"], context.locales["en"]
    root = Page.get_first_root_node()
    catalog = CatalogPage.objects.filter(depth=2, locale=spanish).first()
    fields = {
        "title": "Cultura AP: formación y certificación para el sector cultural",
        "intro": "<p>Cursos para agentes culturales independientes de Chile, "
        "Colombia, México y Perú, con certificación de competencias.</p>",
    }
    if catalog is None:
        catalog, outcome = child_page_upsert(
            root, CatalogPage, slug="catalogo", fields=fields
        )
    else:
        outcome = "unchanged"
    context.record("catalog pages", outcome)
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    # The site's hostname and port follow LMS_PUBLIC_URL (Wagtail builds the
    # absolute page URLs of its admin and its e-mails from them).
    public = public_site_fields()
    wanted = (public["hostname"], public["port"], SITE_NAME, catalog.pk)
    if (site.hostname, site.port, site.site_name, site.root_page_id) != wanted:
        site.hostname, site.port, site.site_name = wanted[:3]
        site.root_page = catalog
        site.save()
        context.record("site", "updated")
    _remove_welcome_page(set(Site.objects.values_list("root_page_id", flat=True)))
    _, outcome = translation_upsert(
        catalog,
        english,
        fields={
            "title": "Cultura AP: training and certification for the cultural sector",
            "intro": "<p>Courses for independent cultural agents of Chile, "
            "Colombia, Mexico and Peru, with competency certification.</p>",
        },
    )
    context.record("catalog pages", outcome)
    context.catalog = catalog


def seed_sectors(context: SeedContext) -> None:
    for sector in Sector.objects.all():
        slug, title_en, intro_es, intro_en, _ = SECTOR_PAGES[sector.code]
        with translation.override("es"):
            title_es = str(sector.name)
        page, outcome = child_page_upsert(
            context.catalog,
            SectorPage,
            slug=slug,
            fields={"title": title_es, "sector": sector, "intro": f"<p>{intro_es}</p>"},
        )
        context.record("sector pages", outcome)
        _, outcome = translation_upsert(
            page,
            context.locales["en"],
            fields={"title": title_en, "sector": sector, "intro": f"<p>{intro_en}</p>"},
        )
        context.record("sector pages", outcome)
        context.sector_pages[sector.code] = page


def seed_roles(context: SeedContext) -> None:
    summary = roles_sync()
    context.record("groups", "synchronised", len(summary.groups))


def _user_upsert(spec: DemoUser, groups: list[Group]):
    user_model = get_user_model()
    national_id = (
        normalize_national_id(spec.country, spec.national_id)
        if spec.national_id
        else ""
    )
    values = {
        "email": spec.email,
        "legal_name": spec.legal_name,
        "first_name": spec.legal_name.split()[0],
        "last_name": " ".join(spec.legal_name.split()[1:]),
        "country": spec.country,
        "national_id": national_id,
        "is_staff": spec.superuser,
        "is_superuser": spec.superuser,
    }
    user = user_model.objects.filter(username=spec.username).first()
    created = user is None
    user = user or user_model(username=spec.username)
    changed = any(getattr(user, name) != value for name, value in values.items())
    for name, value in values.items():
        setattr(user, name, value)
    if not user.check_password(DEMO_PASSWORD):
        user.set_password(DEMO_PASSWORD)
        changed = True
    if changed or created:
        user.save()
    user.groups.add(*groups)
    address, made = EmailAddress.objects.get_or_create(
        user=user, email=spec.email, defaults={"verified": True, "primary": True}
    )
    if not made and not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user, "created" if created else "updated" if changed else "unchanged"


def seed_users(context: SeedContext) -> None:
    for spec in DEMO_USERS:
        names = list(spec.groups)
        if spec.sector:
            names.append(trainer_group_name(Sector.objects.get(code=spec.sector)))
        groups = list(Group.objects.filter(name__in=names))
        user, outcome = _user_upsert(spec, groups)
        context.users[spec.username] = user
        context.record("users", outcome)


def _course_fields(course: dict, language: str, cover) -> dict:
    text = course[language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "description": text["description"],
        "learning_outcomes": [
            {"type": "outcome", "value": outcome} for outcome in text["outcomes"]
        ],
        "level": course["level"],
        "estimated_hours": course["estimated_hours"],
        "cover_image": cover,
    }


def _lesson_fields(lesson: dict, language: str) -> dict:
    text = lesson[language]
    return {
        "title": text["title"],
        "summary": text["summary"],
        "estimated_minutes": lesson["minutes"],
        "body": [
            {"type": kind, "value": value}
            for kind, value in [*markup.to_blocks(text["body"]), *quiz_blocks(lesson)]
        ],
    }


def _trainers_of(context: SeedContext, sector_code: str) -> list:
    return [
        context.users[spec.username]
        for spec in DEMO_USERS
        if spec.sector == sector_code and spec.username in context.users
    ]


def _seed_course(context: SeedContext, course: dict) -> None:
    english = context.locales["en"]
    palette = SECTOR_PAGES[course["sector"]][4]
    cover, made = cover_image(
        title=f"Portada: {course['es']['title']}", seed=course["slug"], palette=palette
    )
    context.record("cover images", "created" if made else "unchanged")
    relations = {
        "countries": list(Country.objects.filter(code__in=course["countries"])),
        "trainers": _trainers_of(context, course["sector"]),
    }
    page, outcome = child_page_upsert(
        context.sector_pages[course["sector"]],
        CoursePage,
        slug=course["slug"],
        fields=_course_fields(course, "es", cover),
        relations=relations,
    )
    context.record("course pages", outcome)
    _, outcome = translation_upsert(
        page, english, fields=_course_fields(course, "en", cover), relations=relations
    )
    context.record("course pages", outcome)
    for lesson in course["lessons"]:
        lesson_page, outcome = child_page_upsert(
            page, LessonPage, slug=lesson["slug"], fields=_lesson_fields(lesson, "es")
        )
        context.record("lesson pages", outcome)
        _, outcome = translation_upsert(
            lesson_page, english, fields=_lesson_fields(lesson, "en")
        )
        context.record("lesson pages", outcome)


def seed_courses(context: SeedContext) -> None:
    for course in DEMO_COURSES:
        _seed_course(context, course)
