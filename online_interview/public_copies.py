"""Tell whoever keeps copies of public pages (site search) that a session's public text changed.

A transcript that grows after the session ended, or the session ending, changes what the public
reads without Wagtail publishing anything: the disclosure app's ``visibility_changed`` signal is
the one place such changes are announced, whether or not search is installed.
"""

from disclosure.api import visibility_changed

from .pages.models import InterviewPage


def public_copy_changed(interview_id):
    visibility_changed.send(sender=InterviewPage, page_ids=[interview_id])
