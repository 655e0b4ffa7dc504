"""`make bench` runs end to end at a tiny scale and writes the JSON the issue specifies;
its floor views exist only when the bench turns them on."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE_KEYS = {"p50_ms", "p95_ms", "floor_p95_ms", "ratio_p95", "bytes", "queries_small", "queries_large"}


def test_floor_views_are_not_routed_outside_the_bench(client):
    assert client.get("/bench/floor").status_code == 404
    assert client.get("/bench/floor-authenticated").status_code == 404


@pytest.mark.postgres
def test_bench_at_a_tiny_scale_writes_every_figure(tmp_path):
    out = tmp_path / "latest.json"
    completed = subprocess.run(
        [
            sys.executable,
            "benchmarks/bench.py",
            "--scale",
            "0.02",
            "--small-scale",
            "0.01",
            "--rounds",
            "1",
            "--database-suffix",
            "_benchtest",
            "--out",
            str(out),
        ],
        cwd=ROOT,
        env={**os.environ},
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert "PostgreSQL, database" in completed.stdout
    result = json.loads(out.read_text(encoding="utf-8"))
    assert {"pages", "exports", "sweep", "finalise", "pdf"} <= set(result)
    assert len(result["pages"]) >= 10
    for name, row in result["pages"].items():
        assert PAGE_KEYS <= set(row), name
        assert row["bytes"] > 0 and row["p95_ms"] > 0 and row["floor_p95_ms"] > 0, name
        assert row["ratio_p95"] == round(row["p95_ms"] / row["floor_p95_ms"], 2), name
        assert isinstance(row["queries_small"], int) and isinstance(row["queries_large"], int), name
        assert name in completed.stdout
    assert set(result["exports"]) == {"registrations", "results", "score matrix"}
    assert all(row["ready_s"] > 0 and row["ask_ms"] > 0 for row in result["exports"].values())
    assert result["machine"]["tasks"] == "a Celery worker on Redis"  # exports made in the background
    assert set(result["sweep"]) == {"1000", "10000"}
    assert all(set(row) == {"s", "queries"} for row in result["sweep"].values())
    assert result["sweep"]["1000"]["queries"] == result["sweep"]["10000"]["queries"]
    assert all(row["s"] > 0 for row in result["sweep"].values())
    assert "reminder sweep, 10000 recipients" in completed.stdout
    assert set(result["finalise"]) == {"s", "queries", "results", "docx"}
    assert result["finalise"]["docx"]["s"] > 0 and result["finalise"]["docx"]["bytes"] > 0
    assert result["finalise"]["results"] > 0 and result["finalise"]["s"] > 0
    assert f"finalising {result['finalise']['results']} results" in completed.stdout
    assert result["pdf"]["ratio"] > 0
    assert "units under the province" in result["machine"]["data"]
