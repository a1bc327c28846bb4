"""A throwaway PostgreSQL server on 127.0.0.1 for the tests: ``initdb`` into a temporary
folder, ``pg_ctl start`` on a free port (as the ``postgres`` user when run as root: the server
refuses to run as root), stopped and removed afterwards. Debian's ``postgresql`` package
provides the binaries (``scripts/ensure_postgres.sh`` installs it; ``make test`` runs that).

``ACCORD_TEST_POSTGRES_URL`` names a server to use instead. As a script it starts a server
and prints its URL and PID (``python tests/pg_server.py start DIR``), or stops the one
started in DIR (``stop DIR``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

URL_ENV = "ACCORD_TEST_POSTGRES_URL"


def bin_dir() -> Path | None:
    """The newest installed server's binaries (Debian: /usr/lib/postgresql/N/bin)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    return Path(found[-1]).parent if found else None


def _version(path: str) -> int:
    try:
        return int(Path(path).parent.parent.name)
    except ValueError:
        return 0


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(folder: Path) -> str:
    """Start a new server whose files live in ``folder``; returns its URL."""
    binaries = bin_dir()
    if binaries is None:
        raise RuntimeError("PostgreSQL is not installed: run scripts/ensure_postgres.sh")
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", free_port()
    run = _as_server_user
    subprocess.run(
        run(
            [
                str(binaries / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-h 127.0.0.1 -p {port} -k {folder} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        run(
            [
                str(binaries / "pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(folder / "server.log"),
                "-w",
                "start",
            ]
        ),
        check=True,
        capture_output=True,
    )
    return f"postgresql://postgres@127.0.0.1:{port}/postgres"


def stop(folder: Path) -> None:
    binaries = bin_dir()
    if binaries is not None and (folder / "data" / "postmaster.pid").exists():
        subprocess.run(
            _as_server_user(
                [str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-m", "fast", "-w", "stop"]
            ),
            check=False,
            capture_output=True,
        )
    shutil.rmtree(folder, ignore_errors=True)


def server_pid(folder: Path) -> int:
    return int((folder / "data" / "postmaster.pid").read_text().splitlines()[0])


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A server's URL for the block: ``ACCORD_TEST_POSTGRES_URL``, else a new one."""
    given = os.environ.get(URL_ENV)
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="accord-pg-"))
    try:
        yield start(folder)
    finally:
        stop(folder)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in {"start", "stop"}:
        print("usage: pg_server.py start|stop FOLDER", file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "start":
        print(start(folder))
        print(server_pid(folder))
    else:
        stop(folder)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
