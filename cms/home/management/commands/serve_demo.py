import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from cms.demo.builder import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Serve the demo site with a Celery worker and beat beside it, so scheduled publishing happens on time."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "cms",
                "worker",
                "--beat",
                "--pool=solo",
                "--loglevel=WARNING",
                "--quiet",
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ]
        )
        self.stdout.write(
            _("Gongkai demo: http://%(addr)s/  admin: http://%(addr)s/admin/  login admin / %(password)s")
            % {"addr": addrport, "password": DEMO_PASSWORD}
        )
        try:
            call_command("runserver", addrport, use_reloader=False)
        finally:
            worker.terminate()
            worker.wait(timeout=10)
