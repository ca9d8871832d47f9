"""The one visibility rule (``rule``) and the holds it reads (``models``)."""

from .rule import (
    BRANCHES_TTL_SECONDS,
    PublicPageMixin,
    branches_changed,
    branches_generation,
    is_publicly_visible,
    public_pages,
    visibility_changed,
)

__all__ = [
    "BRANCHES_TTL_SECONDS",
    "PublicPageMixin",
    "branches_changed",
    "branches_generation",
    "is_publicly_visible",
    "public_pages",
    "visibility_changed",
]
