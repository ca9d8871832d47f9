from django.conf import settings
from django.utils import translation


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
