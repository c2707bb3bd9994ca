"""Throwaway services on free loopback ports for the DuckLake tests and `make scale-test`:
PostgreSQL 15 (initdb + pg_ctl as the `postgres` user when run as root), Redis, a local S3 server
(moto). Each `start_*` returns a handle whose `stop()` ends exactly what it started."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

PG_BIN = Path(os.environ.get("NEWSEVENTS_PG_BIN", "/usr/lib/postgresql/15/bin"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {seconds} s")


def postgres_unavailable() -> str | None:
    """Why a throwaway PostgreSQL cannot start here (None: it can)."""
    if not (PG_BIN / "initdb").exists():
        return f"PostgreSQL not installed ({PG_BIN}/initdb missing)"
    if os.geteuid() == 0:
        try:
            import pwd

            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user to run PostgreSQL as"
    return None


def _as_postgres(cmd: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return cmd
    return ["runuser", "-u", "postgres", "--"] + cmd


@dataclass
class Postgres:
    port: int
    data: Path
    log: Path
    dbname: str = "lake"

    @property
    def conninfo(self) -> str:
        return f"dbname={self.dbname} host=127.0.0.1 port={self.port} user=postgres"

    def url(self, driver: str = "postgresql+psycopg2", dbname: str | None = None) -> str:
        return f"{driver}://postgres@127.0.0.1:{self.port}/{dbname or self.dbname}"

    def createdb(self, name: str) -> None:
        subprocess.run(_as_postgres([str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), name]),
                       check=True, capture_output=True)

    def stop(self) -> None:
        subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(self.data.parent, ignore_errors=True)


def start_postgres(dbname: str = "lake") -> Postgres:
    """initdb into a fresh folder, start on a free loopback port (trust auth, loopback only)."""
    root = Path(tempfile.mkdtemp(prefix="newsevents-pg-", dir="/tmp"))
    data, log = root / "data", root / "postgres.log"
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    subprocess.run(_as_postgres([str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                                 "--no-sync", "-E", "UTF8"]), check=True, capture_output=True)
    port = free_port()
    opts = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off " \
           f"-c max_connections=200 -c shared_buffers=64MB"
    subprocess.run(_as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "start"]),
                   check=True, capture_output=True)
    pg = Postgres(port, data, log, dbname)
    try:
        pg.createdb(dbname)
    except Exception:
        pg.stop()
        raise
    return pg


@dataclass
class Service:
    """A server process we started (Redis, moto)."""
    name: str
    port: int
    process: subprocess.Popen
    folder: Path | None = None
    extra: dict = field(default_factory=dict)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_redis() -> Service:
    binary = shutil.which("redis-server")
    if not binary:
        raise RuntimeError("redis-server not installed (apt-get install redis-server)")
    folder = Path(tempfile.mkdtemp(prefix="newsevents-redis-"))
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    return Service("redis", port, process, folder)


def start_moto(python: str) -> Service:
    port = free_port()
    process = subprocess.Popen([python, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_port(port)
    return Service("moto", port, process)
