"""``/media/images/…`` and ``/media/original_images/…`` served through the visibility rule (``serving.py``)."""

import mimetypes

from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from wagtail.images import get_image_model

from .serving import image_is_public, user_may_view

PUBLIC_MAX_AGE = 3600  # a withdrawn image leaves shared caches within the hour


def _respond(request, image, file):
    public = image_is_public(image)
    if not public and not user_may_view(request.user, image):
        raise Http404
    try:
        handle = file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=mimetypes.guess_type(file.name)[0] or "application/octet-stream")
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


def serve_original(request, name):
    image = get_image_model().objects.filter(file=f"original_images/{name}").first()
    if image is None:
        raise Http404
    return _respond(request, image, image.file)


def serve_rendition(request, name):
    rendition_model = get_image_model().get_rendition_model()
    rendition = rendition_model.objects.filter(file=f"images/{name}").select_related("image").first()
    if rendition is None:
        raise Http404
    return _respond(request, rendition.image, rendition.file)
