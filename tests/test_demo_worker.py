"""`make demo`'s background worker: it really starts with the demo's arguments, and its death is noticed."""

import os
import signal
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

from cms.home.demo_worker import WatchedWorker, worker_command
from tests.celery_worker import wait_until

ROOT = Path(__file__).resolve().parent.parent


def demo_environment(var_dir, **extra):
    """The environment `make demo` gives its processes, with its own var/ folder and database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "GONGKAI_VAR_DIR": str(var_dir),
        "DATABASE_URL": f"sqlite:///{var_dir / 'demo.sqlite3'}",
        "PYTHONPATH": str(ROOT),
        **extra,
    }
    for name in ("CELERY_BROKER_URL", "REDIS_URL"):
        if name not in extra:
            env.pop(name, None)
    return env


def test_the_demo_worker_starts_on_the_embedded_broker_and_keeps_running(tmp_path):
    """The command line `serve_demo` runs, on the filesystem broker in a fresh var/ folder.

    An option Celery no longer accepts (5.7 dropped `--quiet`) ends it within a second or two.
    """
    command = worker_command()
    command[command.index("--schedule") + 1] = str(tmp_path / "celerybeat-schedule")
    process = subprocess.Popen(
        command,
        cwd=tmp_path,
        env=demo_environment(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        # beat writes its schedule file once it runs.
        assert wait_until(lambda: any(tmp_path.glob("celerybeat-schedule*")) or process.poll() is not None, 60)
        time.sleep(3)
        assert process.poll() is None, process.communicate()[0][-3000:]
        # kombu's exchange tables live under var/, not in a ./control/ folder wherever it was started.
        assert (tmp_path / "celery" / "control").is_dir()
        assert not (tmp_path / "control").exists()
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_worker_that_dies_is_reported_with_its_last_lines():
    reported = threading.Event()
    seen = {}

    def on_exit(code, tail):
        seen.update(code=code, tail=tail)
        reported.set()

    script = "import sys; print('starting'); print(\"Error: No such option '--quiet'\"); sys.exit(2)"
    log = StringIO()
    WatchedWorker(on_exit, command=[sys.executable, "-c", script], stream=log).start()
    assert reported.wait(30)
    assert seen["code"] == 2
    assert seen["tail"][-1] == "Error: No such option '--quiet'"
    assert "starting" in log.getvalue()  # echoed into the demo's log as it came


def test_a_worker_stopped_on_purpose_is_not_reported():
    reported = threading.Event()
    worker = WatchedWorker(
        lambda code, tail: reported.set(), command=[sys.executable, "-c", "import time; time.sleep(60)"]
    )
    worker.start()
    worker.stop()
    assert not reported.wait(2)


def test_serve_demo_stops_and_says_why_when_its_worker_dies(tmp_path):
    """The whole command as `make demo` runs it, with a broker the worker cannot use."""
    env = demo_environment(tmp_path, CELERY_BROKER_URL="no-such-transport://")
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True, timeout=300)
    result = subprocess.run(
        [sys.executable, "manage.py", "serve_demo", "127.0.0.1:0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        # As a shell starts it in the background (`make demo &`, CI): with SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
        timeout=300,  # a bound for a loaded CI machine, not a speed target
    )
    assert result.returncode == 1
    assert "后台任务进程" in result.stderr and "no-such-transport" in result.stderr.lower() + result.stdout.lower()
