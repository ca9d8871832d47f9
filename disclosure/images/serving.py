"""Who may see an image: the public only images a publicly visible page shows.

Wagtail writes image files (originals and renditions) under ``MEDIA_ROOT`` and links them
by file name; a web server serving that folder would show the photos of a draft, a held
item or a withdrawn column to anyone who guesses or keeps a link. Images are served by
``views.py`` instead, which asks this rule: an image is public when a page the visibility
rule shows uses it — as a field, in its text or blocks (Wagtail's reference index), or in
what another app shows on the page (the ``gongkai_pages_showing_image`` hook: e.g. a
released answer of a live interview). Editors with rights on the image's collection may
always see it, so the admin and previews work on drafts.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from ..visibility import public_pages

PAGES_SHOWING_IMAGE_HOOK = "gongkai_pages_showing_image"


def showing_page_ids(image):
    page_type = ContentType.objects.get_for_model(Page)
    ids = {
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(image)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    }
    for pages_showing in hooks.get_hooks(PAGES_SHOWING_IMAGE_HOOK):
        ids.update(pages_showing(image))
    return ids


def image_is_public(image):
    return public_pages(Page.objects.filter(pk__in=showing_page_ids(image))).exists()


def user_may_view(user, image):
    if not user.is_authenticated:
        return False
    policy = policy_registry.get_by_type(get_image_model())
    return user.is_superuser or policy.user_has_any_permission_for_instance(user, ["change", "choose"], image)
