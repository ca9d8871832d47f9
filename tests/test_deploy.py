"""The process definitions a sysadmin installs say the same as the Procfile CI runs."""

import configparser
import re
import shlex
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = "/srv/gongkai/.venv/bin/"


def procfile():
    processes = {}
    for line in (ROOT / "Procfile").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, command = line.split(":", 1)
            # The unit has no shell: Procfile defaults (${PORT:-8000}) are what it spells out.
            processes[name] = shlex.split(re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", command))
    return processes


def unit_command(name):
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.read(ROOT / "deploy" / "systemd" / f"gongkai-{name}.service")
    argv = shlex.split(unit["Service"]["ExecStart"])
    assert argv[0].startswith(VENV_BIN), argv[0]
    return [argv[0].removeprefix(VENV_BIN), *argv[1:]]


def test_the_procfile_runs_web_worker_and_beat():
    assert set(procfile()) == {"web", "worker", "beat"}


@pytest.mark.parametrize("name", ["web", "worker", "beat"])
def test_each_systemd_unit_runs_the_procfile_command(name):
    assert unit_command(name) == procfile()[name]


def test_the_readme_starts_production_with_the_procfile_commands():
    readme = (ROOT / "README.md").read_text()
    for argv in procfile().values():
        assert shlex.join(argv[:4]) in readme, argv
