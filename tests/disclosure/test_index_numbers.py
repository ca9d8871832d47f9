import threading

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connections
from wagtail.models import Site

from disclosure.catalogue.models import IssuedIndexNumber
from disclosure.models import CatalogueItemPage, DisclosureSettings
from disclosure.site.index_pattern import validate_pattern
from tests import factories

pytestmark = pytest.mark.django_db


def test_assigned_at_first_publication_with_the_default_pattern(catalogue, agency):
    draft = factories.make_item(catalogue, live=False)
    assert draft.index_number is None
    factories.publish(draft)
    draft.refresh_from_db()
    year = draft.published_at.astimezone().year
    assert draft.index_number == f"{agency.org_code}/{year}-00001"


def test_serial_counts_per_agency(catalogue, other_catalogue, agency, other_agency):
    first = factories.make_item(catalogue, title="一")
    second = factories.make_item(catalogue, title="二")
    elsewhere = factories.make_item(other_catalogue, title="三")
    assert first.index_number.endswith("-00001") and second.index_number.endswith("-00002")
    assert elsewhere.index_number.startswith(other_agency.org_code) and elsewhere.index_number.endswith("-00001")


def test_never_changes_when_edited_unpublished_and_republished(catalogue):
    item = factories.make_item(catalogue)
    number = item.index_number
    item.title = "关于做好测试工作的补充通知"
    factories.publish(item)
    assert CatalogueItemPage.objects.get(pk=item.pk).index_number == number
    item.unpublish()
    latest = item.get_latest_revision_as_object()
    latest.summary = "修改后的概述。"
    latest.save_revision().publish()
    assert CatalogueItemPage.objects.get(pk=item.pk).index_number == number


def test_a_deleted_items_number_is_never_reused(catalogue):
    doomed = factories.make_item(catalogue, title="将被删除")
    number = doomed.index_number
    doomed.delete()
    successor = factories.make_item(catalogue, title="后来者")
    assert successor.index_number != number
    assert IssuedIndexNumber.objects.filter(value=number).exists()


def test_imported_numbers_are_skipped_by_the_allocator(catalogue, agency):
    from disclosure.catalogue.models.index_numbers import register_imported

    year = factories.make_item(catalogue).published_at.astimezone().year
    register_imported(f"{agency.org_code}/{year}-00002", agency, None)
    assert factories.make_item(catalogue, title="下一条").index_number == f"{agency.org_code}/{year}-00003"


def test_site_pattern_and_agency_override(catalogue, agency):
    settings = DisclosureSettings.for_site(Site.objects.get(is_default_site=True))
    settings.index_number_pattern = "{org_code}-{category}-{year}-{serial:04d}"
    settings.save()
    item = factories.make_item(catalogue, category_code="0102")
    assert item.index_number.startswith(f"{agency.org_code}-0102-") and item.index_number.endswith("-0001")
    agency.index_number_pattern = "QX-{serial:06d}"
    agency.save()
    assert factories.make_item(catalogue, title="另一条").index_number == "QX-000001"


@pytest.mark.parametrize("pattern", ["{org_code}/{year}", "{org_code}/{unknown}-{serial}", "{serial"])
def test_bad_patterns_are_rejected(pattern):
    with pytest.raises(ValidationError):
        validate_pattern(pattern)


@pytest.mark.postgres
@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="concurrent publication needs PostgreSQL row locks; run with DATABASE_URL=postgres://…",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_publication_gets_distinct_numbers():
    agency = factories.make_agency()
    catalogue = factories.make_catalogue(agency)
    drafts = [factories.make_item(catalogue, title=f"并发发布测试{n}", live=False) for n in range(60)]
    errors = []
    barrier = threading.Barrier(6)

    def publish_share(share):
        try:
            barrier.wait()
            for draft in share:
                CatalogueItemPage.objects.get(pk=draft.pk).get_latest_revision().publish()
        except Exception as exc:  # surfaced below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=publish_share, args=(drafts[i::6],)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    numbers = list(CatalogueItemPage.objects.filter(agency=agency).values_list("index_number", flat=True))
    assert len(numbers) == 60 and None not in numbers
    assert len(set(numbers)) == 60


def test_agency_pattern_is_validated_in_the_page_form(agency):
    agency.index_number_pattern = "{org_code}/{year}"
    with pytest.raises(ValidationError) as excinfo:
        agency.full_clean()
    assert "index_number_pattern" in excinfo.value.message_dict
