import _thread
import signal
import sys

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.demo.builder import DEMO_PASSWORD
from cms.home.demo_worker import WatchedWorker


class Command(BaseCommand):
    help = "Serve the demo site with a Celery worker and beat beside it, so scheduled publishing happens on time."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        self.worker_failure = None
        worker = WatchedWorker(on_exit=self.worker_exited)
        # `kill` (a CI run, a process manager) stops the worker too, not only Ctrl-C.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        # Started in the background by a shell (`make demo &`, nohup, CI), SIGINT arrives ignored, and
        # then neither Ctrl-C nor the watcher's interrupt_main() could stop the server.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        self.serve_site_at(addrport)
        pid = worker.start()
        self.stdout.write(_("Background worker started (Celery worker with beat, process %(pid)d).") % {"pid": pid})
        self.stdout.write(
            _("Gongkai demo: http://%(addr)s/  admin: http://%(addr)s/admin/  login admin / %(password)s")
            % {"addr": addrport, "password": DEMO_PASSWORD}
        )
        try:
            call_command("runserver", addrport, use_reloader=False)
        except (KeyboardInterrupt, SystemExit):  # runserver turns Ctrl-C into SystemExit
            if self.worker_failure is None:
                raise
        finally:
            worker.stop()
        if self.worker_failure is not None:
            raise CommandError(self.worker_failure)

    def serve_site_at(self, addrport):
        """The sitemap, feeds and share links carry full addresses: they must name the one served here."""
        host, _sep, port = addrport.rpartition(":")
        if host in ("", "0.0.0.0", "[::]"):  # listening everywhere: the browser on this machine says localhost
            host = "localhost"
        site = Site.objects.get(is_default_site=True)
        site.hostname, site.port = host.strip("[]"), int(port or 80)
        site.save()  # not update(): saving clears Wagtail's cached site root paths

    def worker_exited(self, code, tail):
        """Runs in the watcher thread: say why, then stop the web server in the main thread."""
        lines = "\n".join(f"    {line}" for line in tail) or "    " + _("(the worker printed nothing)")
        self.worker_failure = _(
            "The background worker (Celery worker with beat) stopped with exit code %(code)s. "
            "Without it nothing scheduled is published and search is not updated, so the demo stops too. "
            "Its last lines:\n%(lines)s"
        ) % {"code": code, "lines": lines}
        _thread.interrupt_main()
