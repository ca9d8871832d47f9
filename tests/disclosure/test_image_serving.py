"""Images follow the document rule: the public sees only the images a publicly visible page shows."""

import datetime
from io import BytesIO

import pytest
from django.core.files.images import ImageFile
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.images import get_image_model

from disclosure.models import PublicationHold
from online_interview.transcript.models import TranscriptEntry
from tests import factories

pytestmark = pytest.mark.django_db


def make_image(title, name):
    data = BytesIO()
    PILImage.new("RGB", (60, 40), "teal").save(data, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(data, name=name))


def urls(image):
    return {"original": image.file.url, "rendition": image.get_rendition("max-30x30").url}


def statuses(client, image):
    return {kind: client.get(url).status_code for kind, url in urls(image).items()}


@pytest.fixture
def column(agency):
    return factories.make_interview_column(agency)


def session(column, image, live=True, **fields):
    return factories.make_interview(
        column,
        title=f"访谈{image.pk}",
        start=timezone.now() + datetime.timedelta(days=5),
        live=live,
        cover_image=image,
        **fields,
    )


def test_an_image_a_public_page_shows_is_served_to_everyone(client, column):
    image = make_image("会场照片", "hall.png")
    session(column, image)
    assert statuses(client, image) == {"original": 200, "rendition": 200}
    response = client.get(urls(image)["rendition"])
    assert response["Content-Type"] == "image/png" and "public" in response["Cache-Control"]


def test_an_image_only_a_draft_shows_is_served_to_editors_only(client, column, admin_user):
    image = make_image("未发布的海报", "poster.png")
    session(column, image, live=False)
    assert statuses(client, image) == {"original": 404, "rendition": 404}
    editor = Client()
    editor.force_login(admin_user)
    assert statuses(editor, image) == {"original": 200, "rendition": 200}
    assert "no-store" in editor.get(urls(image)["original"])["Cache-Control"]


def test_an_image_under_a_withdrawn_parent_is_not_served(client, column):
    image = make_image("专栏配图", "column.png")
    session(column, image)
    PublicationHold.objects.create(page=column, reason="secret")
    assert statuses(client, image) == {"original": 404, "rendition": 404}


def test_a_live_text_photo_is_public_once_released(client, column):
    image = make_image("现场图片", "live.png")
    interview = session(column, make_image("封面", "cover.png"))
    entry = TranscriptEntry.objects.create(
        interview=interview, speaker="host", speaker_name="主持人", image=image, released=False
    )
    assert statuses(client, image) == {"original": 404, "rendition": 404}
    entry.released = True
    entry.save()
    assert statuses(client, image) == {"original": 200, "rendition": 200}


def test_unknown_and_crafted_media_paths_are_404(client):
    for path in ("/media/images/nothing.png", "/media/original_images/../documents/x.pdf", "/media/documents/x.pdf"):
        assert client.get(path).status_code == 404, path
