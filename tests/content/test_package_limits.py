"""Per-sector limits on content packages: LMS_CONTENT_PACKAGE_LIMITS for all,
LMS_CONTENT_PACKAGE_LIMITS_BY_SECTOR over it for a sector's trainers (an
audiovisual package carries video)."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lms.reference.models import Sector
from plugins.models import ContentItem
from plugins.packages import limits
from plugins.roles import trainer_group_name
from tests.assessments.conftest import role_member
from tests.content.packages import MANIFEST_12, build_zip, sco_html
from tests.content.test_scorm import ADD_URL, stored_files

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("private_root")]

MB = 1024 * 1024


@pytest.fixture
def video_package():
    """A SCORM 1.2 package with 3 MB of (incompressible) video."""
    return build_zip(
        {
            "imsmanifest.xml": MANIFEST_12,
            "sco/index.html": sco_html("1.2"),
            "sco/sco.js": "/* nothing */\n",
            "sco/clip.mp4": os.urandom(3 * MB),
        }
    )


@pytest.fixture
def limited(settings):
    settings.LMS_CONTENT_PACKAGE_LIMITS = {"max_upload": 2 * MB}
    settings.LMS_CONTENT_PACKAGE_LIMITS_BY_SECTOR = {
        "audiovisual": {"max_upload": 10 * MB}
    }


def trainer_of(code):
    return role_member(trainer_group_name(Sector.objects.get(code=code)))


def post(client, data, **extra):
    return client.post(
        ADD_URL,
        {
            "title": "Documental",
            "plugin_id": "scorm",
            "pass_mark": "70",
            "package": SimpleUploadedFile("documental.zip", data, "application/zip"),
            **extra,
        },
    )


def test_limits_merge_the_sector_over_the_general_ones(limited):
    assert limits().max_upload == 2 * MB
    assert limits("audiovisual").max_upload == 10 * MB
    assert limits("audiovisual").max_entries == limits().max_entries == 5000
    assert limits("music").max_upload == 2 * MB


def test_an_audiovisual_trainer_uploads_a_larger_package(
    client, limited, video_package, private_root
):
    client.force_login(trainer_of("audiovisual"))
    form = client.get(ADD_URL).content.decode()
    assert 'name="limits_sector"' in form
    assert '<option value="audiovisual" selected>' in form

    response = post(client, video_package)  # the general limits
    assert "pesa más de 2 MB" in response.content.decode()
    assert not ContentItem.objects.exists()
    assert stored_files(private_root) == []

    response = post(client, video_package, limits_sector="audiovisual")
    assert response.status_code == 302, response.content.decode()[-1500:]
    assert ContentItem.objects.get().title == "Documental"


def test_other_sectors_keep_the_general_limits(client, limited, video_package):
    client.force_login(trainer_of("publishing"))
    assert 'name="limits_sector"' not in client.get(ADD_URL).content.decode()
    response = post(client, video_package, limits_sector="audiovisual")
    assert "pesa más de 2 MB" in response.content.decode()
    assert not ContentItem.objects.exists()


def test_the_default_settings_give_audiovisual_a_larger_size():
    assert limits("audiovisual").max_upload > limits().max_upload
    assert limits("audiovisual").max_total > limits().max_total
