"""What a validated launch does here: find or create the learner's account,
enrol them, remember where their grade goes, and say where to land."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from urllib.parse import parse_qs, urlparse

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse

from courses.models import CoursePage, LessonPage
from courses.services import enrolment_create, lesson_assessment_ids
from plugins.models import Assessment

from .models import GradeLink, LtiIdentity, Platform

CLAIM = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
#: Custom parameter (set by deep linking) naming what a link opens:
#: ``course:<page id>`` or ``assessment:<assessment id>``.
TARGET_PARAM = "lms_target"
LEARNER_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


class TargetMissing(Exception):
    """The link names nothing published on this platform."""


@dataclass(frozen=True)
class Target:
    kind: str  # "course" or "assessment"
    course: CoursePage | None
    assessment: Assessment | None
    lesson: LessonPage | None = None

    def url(self) -> str:
        if self.lesson is not None:
            return self.lesson.url
        if self.kind == "course":
            return self.course.url
        return reverse("plugins:take", args=[self.assessment.pk])


def target_value(launch: dict) -> str:
    custom = launch.get(CLAIM + "custom") or {}
    if custom.get(TARGET_PARAM):
        return str(custom[TARGET_PARAM])
    query = parse_qs(urlparse(launch.get(CLAIM + "target_link_uri", "")).query)
    return (query.get("target") or [""])[0]


def lesson_with(assessment: Assessment) -> LessonPage | None:
    """The first published lesson that embeds ``assessment``."""
    for lesson in LessonPage.objects.live().order_by("path"):
        if assessment.pk in lesson_assessment_ids(lesson):
            return lesson
    return None


def target_resolve(value: str) -> Target:
    kind, _sep, pk = value.partition(":")
    if not pk.isdigit():
        raise TargetMissing(value)
    if kind == "course":
        course = CoursePage.objects.live().filter(pk=pk).first()
        if course is None:
            raise TargetMissing(value)
        return Target("course", course, None)
    if kind == "assessment":
        assessment = Assessment.objects.filter(pk=pk, live=True).first()
        if assessment is None:
            raise TargetMissing(value)
        lesson = lesson_with(assessment)
        course = lesson.get_parent().specific if lesson is not None else None
        if not isinstance(course, CoursePage):
            course, lesson = None, None
        return Target("assessment", course, assessment, lesson)
    raise TargetMissing(value)


def _username(platform: Platform, sub: str) -> str:
    digest = hashlib.sha256(f"{platform.issuer}|{sub}".encode()).hexdigest()[:20]
    return f"lti-{digest}"


def account_for(platform: Platform, launch: dict):
    """The account of the launching user: linked before by (iss, sub); else
    the account, holding no role, whose address is verified here and equals
    the launch's ``email``; else a new account (no password, no national ID: the person
    adds their document in their profile before applying to certification).
    The (iss, sub) link is stored either way."""
    User = get_user_model()
    sub = str(launch["sub"])
    link = LtiIdentity.objects.select_related("user").filter(platform=platform, sub=sub)
    if link.exists():
        return link.get().user
    email = (launch.get("email") or "").strip().lower()
    user = None
    if email and launch.get("email_verified") is not False:
        verified = EmailAddress.objects.filter(email__iexact=email, verified=True)
        # Never an account with a role here (staff, officer, trainer,
        # assessor...): a platform's word about an address is not enough to
        # hand over powers; such a person gets a learner account of its own.
        user = User.objects.filter(
            pk__in=verified.values("user"),
            is_staff=False,
            is_superuser=False,
            groups__isnull=True,
        ).first()
    if user is None:
        taken = email and User.objects.filter(email__iexact=email).exists()
        user = User(
            username=_username(platform, sub),
            email="" if taken else email,
            first_name=(launch.get("given_name") or "")[:150],
            last_name=(launch.get("family_name") or "")[:150],
            country=platform.country,
        )
        user.set_unusable_password()
        user.save()
    LtiIdentity.objects.create(platform=platform, sub=sub, user=user)
    return user


def is_learner(launch: dict) -> bool:
    roles = launch.get(CLAIM + "roles") or []
    return not roles or any(role.endswith("#Learner") for role in roles)


def grade_link_save(platform: Platform, user, launch: dict, target: Target) -> None:
    endpoint = launch.get(AGS_CLAIM) or {}
    lineitem = endpoint.get("lineitem")
    scopes = endpoint.get("scope") or []
    if target.assessment is None or not lineitem or SCORE_SCOPE not in scopes:
        return
    GradeLink.objects.update_or_create(
        platform=platform,
        sub=str(launch["sub"]),
        assessment=target.assessment,
        lineitem_url=lineitem,
        defaults={"user": user, "scopes": scopes},
    )


def launch_accept(platform: Platform, launch: dict, target: Target):
    """Account, enrolment and grade link of a validated resource-link launch;
    returns the user to log in."""
    with transaction.atomic():
        user = account_for(platform, launch)
        if target.course is not None and is_learner(launch):
            enrolment_create(user=user, course=target.course)
        grade_link_save(platform, user, launch, target)
    return user
