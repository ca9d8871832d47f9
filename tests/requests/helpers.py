"""Builders for request-desk tests: applications go through the same intake and transitions as the desk."""

import datetime
import itertools

from disclosure.agencies.models import AgencyRole
from disclosure.requests import intake
from disclosure.requests.choices import ApplicantType, DeliveryChannel, DeliveryForm, IdentityDocument, IntakeChannel
from tests.factories import make_user

_numbers = itertools.count(1)

#: A valid 居民身份证 number (GB 11643 checksum) used by the tests.
VALID_ID = "11010519491231002X"


def application_data(**overrides):
    data = {
        "applicant_type": ApplicantType.PERSON,
        "applicant_name": "张三",
        "id_type": IdentityDocument.RESIDENT_ID,
        "phone": "13800000000",
        "email": "zhangsan@example.com",
        "address": "青溪县人民路1号",
        "postcode": "323300",
        "description": "申请公开2025年城区道路改造工程的招标文件。",
        "delivery_form": DeliveryForm.ELECTRONIC,
        "delivery_channel": DeliveryChannel.EMAIL,
    }
    data.update(overrides)
    return data


def handler_of(agency, name=None):
    return make_user(name or f"handler{next(_numbers)}", agency=agency, role=AgencyRole.REQUEST_HANDLER)


def leader_of(agency, name=None):
    return make_user(name or f"leader{next(_numbers)}", agency=agency, role=AgencyRole.LEADER)


def registered(agency, handler, received_on, channel=IntakeChannel.IN_PERSON, **overrides):
    """An application received in person on ``received_on`` (its clock starts that day)."""
    return intake.register(
        agency, handler, application_data(**overrides), channel=channel, received_on=received_on, id_number=VALID_ID
    ).request


def day(text):
    return datetime.date.fromisoformat(text)
