"""The demo's Celery worker with beat, watched: a demo whose background jobs died must not keep serving.

A worker that exits at start (an unknown option, a broken import, a locked schedule file)
used to leave runserver answering while nothing was published on time or indexed. The
watcher echoes the worker's output into the demo's log, keeps its last lines, and calls
`on_exit` with them when the worker ends without being asked to.
"""

import collections
import subprocess
import sys
import threading

from django.conf import settings

TAIL_LINES = 30


def worker_command():
    return [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "cms",
        "worker",
        "--beat",
        "--pool=solo",
        "--loglevel=WARNING",
        "--schedule",
        settings.CELERY_BEAT_SCHEDULE_FILENAME,
    ]


class WatchedWorker:
    def __init__(self, on_exit, command=None, stream=None):
        self.on_exit = on_exit
        self.command = command or worker_command()
        self.stream = stream or sys.stderr
        self.tail = collections.deque(maxlen=TAIL_LINES)
        self.stopping = threading.Event()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            self.command,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
        threading.Thread(target=self._watch, name="demo-worker-watch", daemon=True).start()
        return self.process.pid

    def _watch(self):
        for line in self.process.stdout:
            self.tail.append(line.rstrip("\n"))
            self.stream.write(line)
            self.stream.flush()
        code = self.process.wait()
        if not self.stopping.is_set():
            self.on_exit(code, list(self.tail))

    def stop(self, timeout=10):
        self.stopping.set()
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
