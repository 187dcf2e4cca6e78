"""Ingest survives SIGKILL: a run killed at any moment, then rerun, leaves exactly the store
that one uninterrupted run makes (no article lost, nothing twice)."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import deque
from pathlib import Path
from typing import Any

import pytest

from onrecord.store import Store

COUNT = 64
SPEAKERS = ["Ingrid Halvorsen", "Tomas Reyes", "Amara Nwosu", "Helen Carver", "Daniel Okafor"]
TABLES = {
    "articles": "id",
    "attributions": "id",
    "speakers": "id",
    "speaker_aliases": "speaker_id, alias",
    "speaker_keys": "key, speaker_id",
    "quotations": "attribution_id",
    "clusters": "id",
    "cluster_keys": "key, cluster_id",
    "failures": "item",
}


def corpus(path: Path, count: int = COUNT) -> Path:
    """Short articles whose quotes repeat across articles (so speakers merge and quotations
    cluster), with one broken line in the middle."""
    lines = []
    for i in range(count):
        who = SPEAKERS[i % len(SPEAKERS)]
        surname = who.split()[-1]
        text = (
            f"“We will not accept a deal that leaves the harbour closed for {i % 3 + 2} more years,” "
            f"{who} said on Tuesday. {surname} told reporters that the talks would resume in May. "
            f"“Nobody wants this,” {surname} added."
        )
        lines.append(json.dumps({"id": f"art-{i:03d}", "text": text, "date": f"2024-05-{i % 28 + 1:02d}"}))
        if i == count // 2:
            lines.append("{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ingest(source: Path, db: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "onrecord", "ingest", str(source), "--db", str(db), "--workers", "1", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )


def stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return -1


def dump(db: Path) -> dict[str, list[Any]]:
    with Store(str(db)) as store:
        out = {
            name: store.db.rows(f"SELECT * FROM {name} ORDER BY {order}") for name, order in TABLES.items()
        }
        store.db.execute("INSERT INTO attributions_fts (attributions_fts) VALUES ('integrity-check')")
        return out


def test_sigkill_at_random_points_then_rerun_gives_the_same_store(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in.jsonl")
    reference = tmp_path / "reference.db"
    assert ingest(source, reference).wait(timeout=300) == 1  # the broken line is a failure
    expected = dump(reference)
    assert len(expected["articles"]) == COUNT and len(expected["failures"]) == 1

    db = tmp_path / "killed.db"
    rng = random.Random(7)
    at_kill = []
    # Kill each run a few articles (or a random moment) after it has started storing; the
    # first one while it is still loading the model.
    for round in range(5):
        before = max(stored(db), 0)
        process = ingest(source, db)
        if round:
            target = before + rng.randint(1, 12)
            deadline = time.monotonic() + 240
            while stored(db) < target and process.poll() is None and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.random() * 0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        at_kill.append(stored(db))
    # The kills landed at different points of the run, with articles already committed
    # (results come in bursts of a parsed batch, so points inside a burst are rarer).
    assert len({n for n in at_kill if 0 < n < COUNT}) >= 3, at_kill
    # 1 when the broken line's failure is first met in this run, 0 when a killed run had it.
    assert ingest(source, db).wait(timeout=300) in (0, 1)
    assert dump(db) == expected
    # And once more: nothing left to do, no new failure (exit 0), nothing changes.
    assert ingest(source, db).wait(timeout=300) == 0
    assert dump(db) == expected


def workers_of(pid: int) -> list[int]:
    """The worker processes of an ingest (spawned children, not the resource tracker)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as cmd:
                command = cmd.read().decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        if parent == pid and "spawn_main" in command and "resource_tracker" not in command:
            found.append(int(entry))
    return found


def test_a_worker_killed_mid_run_does_not_hang_or_lose_articles(tmp_path: Path) -> None:
    source = corpus(tmp_path / "in.jsonl")
    db = tmp_path / "s.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "onrecord", "ingest", str(source), "--db", str(db), "--workers", "2", "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    while stored(db) < 8 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    victims = workers_of(process.pid)
    assert victims, "no worker process found"
    os.kill(victims[0], signal.SIGKILL)
    _, err = process.communicate(timeout=300)
    assert process.returncode == 1, err  # the broken line of the corpus; nothing else failed
    assert stored(db) == COUNT, err
    assert "Traceback" not in err


def test_a_pool_that_broke_before_a_submit_is_restarted_not_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker can die between two batches: the next submit meets a broken pool. That
    batch is retried on a new pool like one whose result failed, and nothing is lost."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from onrecord import cli
    from onrecord.records import Article, Result

    class Broken:
        def submit(self, *args: Any) -> Any:
            raise BrokenProcessPool("a child process terminated abruptly")

        def shutdown(self, **kwargs: Any) -> None:
            pass

    class Working(Broken):
        def submit(self, fn: Any, batch: list[Article], *args: Any) -> Any:
            done: Future[list[Result]] = Future()
            done.set_result([Result(article=a) for a in batch])
            return done

    pools = iter([Broken(), Working()])
    monkeypatch.setattr(cli._Pool, "_start", lambda self: next(pools))
    pool = cli._Pool(1, 1000, "default")
    batch = [Article("a", "One."), Article("b", "Two.")]
    future = pool.submit(batch)
    results = pool.results(batch, future, deque())
    assert [r.article.id for r in results] == ["a", "b"] and all(r.ok for r in results)
