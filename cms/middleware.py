import codecs

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _


class SiteLanguageMiddleware:
    """Chinese unless the visitor chose another language (cookie set by the language switch).

    Django's LocaleMiddleware would follow the browser's Accept-Language; a Chinese
    government site must not turn English just because a visitor's browser is.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class Utf8FormsMiddleware:
    """A request body declared in a charset other than UTF-8 gets a clear 400 before anything reads it.

    Django will not parse a form declared in another charset (a urlencoded body is UTF-8 by
    definition): ``request.POST`` raises ``BadRequest`` and, unlike a broken multipart body,
    does not remember that it did. The CSRF check reads the form and raises it; the 400 view
    Django then calls is wrapped in ``requires_csrf_token``, reads the form again and raises
    again, and so does the 500 view after it: the visitor got a bare server error. So the
    body is refused here, before CsrfViewMiddleware's view check reads it, saying what to do. UTF-8 under another
    spelling (``utf8``) is UTF-8 and is taken, spelt as Django expects.
    """

    BODYLESS_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        declared = (request.content_params or {}).get("charset")
        if declared and request.method not in self.BODYLESS_METHODS:
            if _codec_name(declared) != "utf-8":
                return self.refuse(request, declared)
            request.encoding = "utf-8"  # the one spelling of UTF-8 Django takes for a form
        return self.get_response(request)

    def refuse(self, request, declared):
        message = _(
            "This form was sent in the character set “%(charset)s”, but the site accepts forms in UTF-8 only. "
            "Please reload the page and send the form again."
        ) % {"charset": declared[:40]}
        if "application/json" in request.headers.get("Accept", ""):
            return JsonResponse({"error": message}, status=400, json_dumps_params={"ensure_ascii": False})
        return render(request, "bad_request.html", {"message": message}, status=400)


def _codec_name(charset):
    try:
        return codecs.lookup(charset).name
    except LookupError:
        return None
