"""A throw-away PostgreSQL server on 127.0.0.1, for the store tests and benchmarks.

``make test`` installs the server package (Debian's postgresql); run as root, the server is
started as the ``postgres`` user, since it refuses to run as root.
"""

from __future__ import annotations


class PostgresServer:
    """A throw-away PostgreSQL server on 127.0.0.1 for this test session (``make test``
    installs the server package; a root test run starts it as the ``postgres`` user)."""

    def __init__(self, durable: bool = False) -> None:
        """durable: keep PostgreSQL's crash safety (fsync) on, as a real server has it;
        tests turn it off for speed."""
        import glob
        import os
        import shutil
        import socket
        import subprocess
        import tempfile

        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb")) or [shutil.which("initdb") or ""]
        initdb = found[-1]
        if not initdb or not os.path.exists(initdb):
            raise FileNotFoundError("PostgreSQL server not installed (make test installs it)")
        self.bin = os.path.dirname(initdb)
        self.dir = tempfile.mkdtemp(prefix="onrecord-pg-")
        self.as_user: list[str] = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        data = os.path.join(self.dir, "data")
        run = subprocess.run
        run([*self.as_user, f"{self.bin}/initdb", "-D", data, "-U", "onrecord", "--auth=trust",
             "-E", "UTF8", "--no-locale"], check=True, capture_output=True)  # fmt: skip
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        run([*self.as_user, f"{self.bin}/pg_ctl", "-D", data, "-o", options, "-l",
             os.path.join(self.dir, "log"), "-w", "start"], check=True, capture_output=True)  # fmt: skip
        self.data = data
        self.count = 0

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://onrecord@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        import psycopg

        self.count += 1
        name = f"test_{self.count}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        import shutil
        import subprocess

        subprocess.run([*self.as_user, f"{self.bin}/pg_ctl", "-D", self.data, "-m", "immediate", "stop"],
                       capture_output=True)  # fmt: skip
        shutil.rmtree(self.dir, ignore_errors=True)
