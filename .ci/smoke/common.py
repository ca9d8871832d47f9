"""What both smoke runs need: processes in their own group, a cookie-keeping HTTP client, waiting.

Standard library only: the smoke runs check what a user installs, and must not lean on
test tooling to do it.
"""

import contextlib
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
STARTED = time.monotonic()


def say(message):
    print(f"[{time.monotonic() - STARTED:6.1f}s] {message}", flush=True)


class SmokeFailure(Exception):
    pass


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(command, env, log_path):
    """A process in its own session, so that stopping it stops everything it started."""
    log = open(log_path, "ab")  # noqa: SIM115 — the child writes to it until stop()
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


def stop(process, timeout=30):
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    # Anything the group left behind (a worker's children) goes too.
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def wait_until(what, condition, timeout, interval=1.0, process=None):
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            say(f"ok: {what}")
            return result
        if process is not None and process.poll() is not None:
            raise SmokeFailure(f"{what}: the process exited with code {process.returncode} while waiting")
        if time.monotonic() > deadline:
            raise SmokeFailure(f"{what}: not within {timeout} s")
        time.sleep(interval)


def run(command, env, what, timeout=900):
    say(
        "running: "
        + " ".join(part.strip().splitlines()[0] + (" …" if "\n" in part.strip() else "") for part in command)
    )
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise SmokeFailure(f"{what} failed ({result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result


def shell(env, code):
    """Run Python in `manage.py shell` with the site's settings; its last printed line is JSON."""
    result = run([PYTHON, "manage.py", "shell", "-c", code], env, "manage.py shell", timeout=300)
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    return json.loads(lines[-1])


class Browser:
    """Keeps cookies (Secure ones too: nginx is played by `forwarded_https`) and the CSRF token."""

    def __init__(self, port, forwarded_https=False):
        self.port = port
        self.cookies = {}
        self.forwarded_https = forwarded_https
        self.origin = f"{'https' if forwarded_https else 'http'}://127.0.0.1:{port}"

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        all_headers = {"Host": f"127.0.0.1:{self.port}", "Accept-Language": "zh-hans"}
        if self.forwarded_https:
            all_headers["X-Forwarded-Proto"] = "https"
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        all_headers.update(headers or {})
        try:
            connection.request(method, path, body=body, headers=all_headers)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, dict((k.lower(), v) for k, v in response.getheaders()), content

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, **headers):
        fields = {**fields, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        body = urllib.parse.urlencode(fields)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Referer": f"{self.origin}{path}",
            "Origin": self.origin,
            **headers,
        }
        return self.request("POST", path, body=body, headers=headers)

    def log_in(self, username, password):
        status, _headers, _body = self.get("/admin/login/")
        if status != 200:
            raise SmokeFailure(f"admin login page answered {status}")
        status, headers, body = self.post(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
        if status != 302 or "sessionid" not in self.cookies:
            raise SmokeFailure(f"logging in as {username} failed ({status}): {body.decode(errors='replace')[:500]}")

    def search(self, query):
        status, _headers, body = self.get("/api/search/?" + urllib.parse.urlencode({"q": query}))
        if status != 200:
            raise SmokeFailure(f"/api/search/?q={query} answered {status}")
        return json.loads(body)


def log_tail(path, lines=80):
    text = Path(path).read_text(errors="replace") if Path(path).exists() else ""
    return "\n".join(text.splitlines()[-lines:])


def tracebacks(path):
    text = Path(path).read_text(errors="replace")
    return [match.start() for match in re.finditer(r"^Traceback \(most recent call last\)", text, re.MULTILINE)]


def answers(browser):
    try:
        return browser.get("/")[0] == 200
    except OSError:
        return False


@contextlib.contextmanager
def watched(process, log, name):
    """Run checks against ``process``; at the end it must still run and its log hold no traceback.

    On failure the log's tail is printed; in every case the process group is stopped.
    """
    try:
        yield
        if process.poll() is not None:
            raise SmokeFailure(f"{name} exited with code {process.returncode}")
        found = tracebacks(log)
        if found:
            raise SmokeFailure(f"the log of {name} holds {len(found)} traceback(s)")
    except SmokeFailure:
        print(f"---- the log of {name} (last lines of {log}) ----\n{log_tail(log)}", flush=True)
        raise
    finally:
        stop(process)


def main(body):
    """Run a smoke body; on failure print why with the log's tail and exit 1."""

    def interrupted(signum, frame):
        raise SmokeFailure(f"stopped by signal {signum} (time limit?)")

    # `timeout` sends SIGTERM: the body's `finally` still stops everything it started.
    signal.signal(signal.SIGTERM, interrupted)
    try:
        body()
    except SmokeFailure as failure:
        say(f"FAILED: {failure}")
        sys.exit(1)
