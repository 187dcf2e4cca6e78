"""Extraction on a Dask cluster gives exactly what a local run gives: the same store, the
same `onrecord export` bytes."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import pytest

from onrecord import cli
from onrecord.cluster import ClusterError, parse_address

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "polnear" / "dev.jsonl"


def export(db: Path) -> bytes:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["export", "--db", str(db)]) == 0
    return out.getvalue().encode("utf-8")


def test_a_local_dask_cluster_stores_what_a_local_run_stores(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(DEV) if DEV.exists() else str(ROOT / "examples")
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    assert cli.main(["ingest", source, "--db", str(local), "--workers", "1", "-q"]) == 0
    assert cli.main(["ingest", source, "--db", str(dask), "--dask", "local:2"]) == 0
    err = capsys.readouterr().err
    assert "on Dask local:2" in err
    exported = export(local)
    assert exported.count(b"\n") == (84 if DEV.exists() else 4)
    assert export(dask) == exported


@pytest.mark.parametrize("address", ["bogus", "local:0", "local:x", "127.0.0.1:8786"])
def test_a_malformed_dask_address_is_a_clear_error(address: str) -> None:
    with pytest.raises(ClusterError, match="write local, local:N"):
        parse_address(address)


def test_dask_addresses() -> None:
    assert parse_address("local") == ("local", None)
    assert parse_address("local:3") == ("local", 3)
    assert parse_address("tcp://10.0.0.5:8786") == ("tcp://10.0.0.5:8786", None)


def test_an_unreachable_scheduler_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "a.txt"
    source.write_text("“Fine,” Ann Lee said.", encoding="utf-8")
    code = cli.main(["ingest", str(source), "--db", str(tmp_path / "s.db"), "--dask", "bogus"])
    assert code == 1 and capsys.readouterr().err.count("\n") == 1
