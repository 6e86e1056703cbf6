"""Editorial roles: trainers edit only their sector (in every locale) and submit
for moderation; reviewers publish the whole catalog."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Task,
    WorkflowPage,
    WorkflowState,
)
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from courses.models import Enrolment, LessonPage, SectorPage
from courses.roles import (
    ASSESSORS_GROUP,
    OFFICERS_GROUP,
    REVIEWERS_GROUP,
    WORKFLOW_NAME,
    roles_sync,
    trainer_group_name,
)
from lms.reference.models import Sector
from tests.conftest import make_course
from tests.factories import UserFactory


@pytest.fixture
def tree(catalog, sector_page, locales):
    """Publishing and music sectors, one course each, all translated to English."""
    music = catalog.add_child(
        instance=SectorPage(
            title="Música", slug="musica", sector=Sector.objects.get(code="music")
        )
    )
    publishing_course = make_course(sector_page)
    music_course = make_course(music, title="Sonido en vivo", slug="sonido")
    english = locales["en"]
    catalog.copy_for_translation(english)
    for page in (sector_page, music):
        page.copy_for_translation(english)
    for course in (publishing_course, music_course):
        course.copy_for_translation(english)
        for lesson in course.get_children():
            lesson.specific.copy_for_translation(english)
    roles_sync()
    return {
        "publishing_lesson": LessonPage.objects.child_of(publishing_course).first(),
        "music_lesson": LessonPage.objects.child_of(music_course).first(),
        "publishing_sector": sector_page,
        "music_sector": music,
        "english": english,
    }


def _member(group_name: str, username: str):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def trainer(tree):
    return _member(
        trainer_group_name(Sector.objects.get(code="publishing")), "formador"
    )


@pytest.fixture
def reviewer(tree):
    return _member(REVIEWERS_GROUP, "revisor")


def _edit_data(lesson, *, summary: str, action: str) -> dict:
    return nested_form_data(
        {
            "title": lesson.title,
            "slug": lesson.slug,
            "summary": summary,
            "estimated_minutes": 30,
            "body": streamfield([("paragraph", rich_text("<p>Texto revisado.</p>"))]),
            "comments": inline_formset([]),
            action: action,
        }
    )


def _edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_roles_sync_creates_spanish_groups_and_is_idempotent(tree):
    """Every sector has its trainer group; a second run adds or removes nothing."""
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Formadores — Edición y libro",
        "Formadores — Música",
        REVIEWERS_GROUP,
        ASSESSORS_GROUP,
        OFFICERS_GROUP,
    } <= names
    assert Sector.objects.count() == sum(
        name.startswith("Formadores — ") for name in names
    )

    def counts():
        return [
            model.objects.count()
            for model in (
                Group,
                GroupPagePermission,
                GroupCollectionPermission,
                WorkflowPage,
                Task,
            )
        ]

    before = counts()
    roles_sync()
    assert counts() == before


def test_assessors_and_officers_can_enter_the_admin(tree):
    for name in (ASSESSORS_GROUP, OFFICERS_GROUP):
        user = _member(name, name.split()[0].lower())
        assert user.has_perm("wagtailadmin.access_admin")


def test_trainer_edits_own_sector_in_both_locales_but_never_publishes(tree, trainer):
    """Publishing trainer: edit yes (Spanish and English), publish no, other
    sectors no."""
    lesson = tree["publishing_lesson"]
    english_lesson = lesson.get_translation(tree["english"])
    for page in (lesson, english_lesson, tree["publishing_sector"]):
        permissions = page.permissions_for_user(trainer)
        assert permissions.can_edit()
        assert not permissions.can_publish()
    assert tree["publishing_sector"].permissions_for_user(trainer).can_add_subpage()
    for page in (
        tree["music_lesson"],
        tree["music_lesson"].get_translation(tree["english"]),
        tree["music_sector"],
    ):
        assert not page.permissions_for_user(trainer).can_edit()


def test_trainer_opens_own_lesson_editor_but_not_another_sectors(client, tree, trainer):
    client.force_login(trainer)
    assert client.get(_edit_url(tree["publishing_lesson"])).status_code == 200
    response = client.get(_edit_url(tree["music_lesson"]))
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.get(
        pk=tree["music_lesson"].pk
    ).has_unpublished_changes


def test_trainer_publish_attempt_only_saves_a_draft(client, tree, trainer):
    """Posting "publish" without publish permission leaves the live page as it was."""
    lesson = tree["publishing_lesson"]
    client.force_login(trainer)
    client.post(
        _edit_url(lesson), _edit_data(lesson, summary="Nuevo", action="action-publish")
    )
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert lesson.summary != "Nuevo"
    assert lesson.has_unpublished_changes
    assert lesson.get_latest_revision_as_object().summary == "Nuevo"


def test_trainer_submits_and_reviewer_approves_through_the_workflow(
    client, tree, trainer, reviewer
):
    """A trainer's submission waits in "Revisión de contenidos" until a reviewer
    approves it; only then is the change live."""
    lesson = tree["publishing_lesson"]
    client.force_login(trainer)
    response = client.post(
        _edit_url(lesson),
        _edit_data(lesson, summary="Revisada", action="action-submit"),
    )
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(lesson).get()
    assert state.workflow.name == WORKFLOW_NAME
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert LessonPage.objects.get(pk=lesson.pk).summary != "Revisada"

    task_state = state.current_task_state
    task = task_state.task.specific
    assert not task.get_actions(lesson, trainer)
    assert "approve" in [name for name, *_ in task.get_actions(lesson, reviewer)]
    task.on_action(task_state, reviewer, "approve")
    assert LessonPage.objects.get(pk=lesson.pk).summary == "Revisada"


def test_reviewer_publishes_anywhere_in_the_catalog(client, tree, reviewer):
    for key in ("publishing_lesson", "music_lesson"):
        assert tree[key].permissions_for_user(reviewer).can_publish()
    lesson = tree["music_lesson"]
    client.force_login(reviewer)
    client.post(
        _edit_url(lesson),
        _edit_data(lesson, summary="Publicada", action="action-publish"),
    )
    assert LessonPage.objects.get(pk=lesson.pk).summary == "Publicada"


def test_trainer_permissions_follow_sector_pages_added_later(tree, catalog):
    """Re-running the sync grants a new sector page to its trainers, and only it."""
    heritage = catalog.add_child(
        instance=SectorPage(
            title="Patrimonio",
            slug="patrimonio",
            sector=Sector.objects.get(code="heritage"),
        )
    )
    roles_sync()
    group = Group.objects.get(name=trainer_group_name(heritage.sector))
    granted = set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )
    assert granted == {(heritage.pk, "add_page"), (heritage.pk, "change_page")}


def test_sync_roles_command_reports_the_groups(tree):
    out = StringIO()
    call_command("sync_roles", stdout=out)
    assert REVIEWERS_GROUP in out.getvalue() and WORKFLOW_NAME in out.getvalue()


def test_officers_see_enrolments_read_only_and_trainers_not_at_all(
    client, tree, trainer
):
    """The admin enrolment list: viewable by officers, never editable."""
    learner = UserFactory(username="camila", legal_name="Camila Torres Muñoz")
    enrolment = Enrolment.objects.create(
        user=learner, course=tree["publishing_lesson"].get_parent().specific
    )
    client.force_login(_member(OFFICERS_GROUP, "oficial"))
    response = client.get(reverse("enrolments:index"))
    assert response.status_code == 200
    assert "Camila Torres Muñoz" in response.content.decode()
    assert (
        client.get(reverse("enrolments:inspect", args=[enrolment.pk])).status_code
        == 200
    )
    for url in (
        reverse("enrolments:add"),
        reverse("enrolments:edit", args=[enrolment.pk]),
        reverse("enrolments:delete", args=[enrolment.pk]),
    ):
        assert client.get(url).status_code in (302, 403), url
    client.post(reverse("enrolments:delete", args=[enrolment.pk]))
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
    client.force_login(trainer)
    assert client.get(reverse("enrolments:index")).status_code in (302, 403)
