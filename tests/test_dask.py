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


def _failures(db: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    capsys.readouterr()
    cli.main(["failures", "--db", str(db)])
    return sorted(capsys.readouterr().out.splitlines())


def _mixed_inputs(tmp_path: Path) -> list[str]:
    """Text files, a JSONL file with a broken line, a binary file, a file:// URL, a missing
    file and a pattern that matches nothing."""
    corpus = tmp_path / "in"
    corpus.mkdir()
    for example in sorted((ROOT / "examples").glob("*.txt")):
        (corpus / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "wire.jsonl").write_text(
        '{"id": "w1", "text": "\\u201cWe are ready,\\u201d Mia Holt said."}\n'
        "{broken\n"
        '{"id": "w2", "text": "Officials said the bridge would reopen."}\n',
        encoding="utf-8",
    )
    (corpus / "photo.bin").write_bytes(bytes(range(256)) * 4)
    extra = tmp_path / "extra.txt"
    extra.write_text("“Not today,” Ravi Sen told reporters.", encoding="utf-8")
    return [str(corpus), extra.as_uri(), str(tmp_path / "missing.txt"), str(tmp_path / "none-*.jsonl")]


def test_extract_on_dask_writes_what_a_local_extract_writes(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _mixed_inputs(tmp_path)
    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert cli.main(["extract", *inputs, "-o", str(local), "--workers", "1"]) == 1
    local_err = sorted(line for line in capsys.readouterr().err.splitlines() if "error" in line)
    assert cli.main(["extract", *inputs, "-o", str(dask), "--dask", "local:2"]) == 1
    dask_err = sorted(line for line in capsys.readouterr().err.splitlines() if "error" in line)
    assert dask.read_bytes() == local.read_bytes()
    assert local.read_bytes().count(b"\n") == 7
    assert dask_err == local_err and len(local_err) == 4
    code = cli.main(["extract", *inputs, "--dask", "bogus"])
    assert code == 1 and "write local, local:N" in capsys.readouterr().err


def test_shards_read_on_dask_workers_fail_and_store_as_a_local_run(
    tmp_path: Path, cli_extractor: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text files, a JSONL file with a broken line, a binary file, a file:// URL, a
    missing file and a pattern that matches nothing: each input file is a task on a
    worker, and the store, its failures and a rerun are those of a local run."""
    inputs = _mixed_inputs(tmp_path)
    local, dask = tmp_path / "local.db", tmp_path / "dask.db"
    assert cli.main(["ingest", *inputs, "--db", str(local), "--workers", "1", "-q"]) == 1
    assert cli.main(["ingest", *inputs, "--db", str(dask), "--dask", "local:2", "-q"]) == 1
    assert export(dask) == export(local)
    assert export(local).count(b"\n") == 7
    failures = _failures(local, capsys)
    assert len(failures) == 4 and any("wire.jsonl:2" in f for f in failures)
    assert _failures(dask, capsys) == failures
    # A rerun reads the shards again on the workers and finds everything stored.
    capsys.readouterr()
    assert cli.main(["ingest", *inputs, "--db", str(dask), "--dask", "local:2"]) == 0
    assert "0 articles" in capsys.readouterr().err
    assert export(dask) == export(local)


def test_standard_input_on_dask_is_read_here_and_extracted_there(
    tmp_path: Path, cli_extractor: Any, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = b'{"id": "s1", "text": "\\u201cWe are ready,\\u201d Mia Holt said."}\n{bad\n'
    outputs = []
    for options in (["--workers", "1"], ["--dask", "local:1"]):
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(lines)))
        out = tmp_path / f"out{len(outputs)}.jsonl"
        assert cli.main(["extract", "-", "-o", str(out), *options]) == 1
        assert "stdin:2: not JSON" in capsys.readouterr().err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and b'"id": "s1"' in outputs[0]
