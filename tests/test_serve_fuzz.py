"""Property-based fuzzing of every endpoint with schemathesis, from the server's own OpenAPI.

A real ``accord serve`` (with an ingest token, so POST /api/articles runs the pipeline) over
the test corpus; schemathesis (pinned 4.32.5) generates valid and invalid requests for every
operation from ``/openapi.json``, mixing in the hostile values of ``tests/fuzz/hostile.dict``
and the ids the database holds. No response may be a 5xx. Bounded and repeatable: a fixed
seed and at most 25 cases per operation and phase (``tests/fuzz/schemathesis.toml``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

import accord
from serving import build_corpus_db, running_server

FUZZ = Path(__file__).parent / "fuzz"
TOKEN = "fuzz-test-token-0123456789"
SERVED = re.compile(r'"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S+) HTTP/1\.1" (\d{3})')


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus_db(tmp_path_factory.mktemp("serve-fuzz") / "corpus.db")


@pytest.fixture(scope="module")
def base_url(db_path: Path) -> Iterator[str]:
    with running_server(db_path, ingest_token=TOKEN) as url:
        yield url


def stored_ids(db_path: Path) -> dict[str, list[str]]:
    """Ids the database holds, so the detail endpoints are reached, not only their 404."""
    from accord import track

    with accord.open(db_path) as db:
        return {
            "event_id": [event.id for event in db.events()][:20],
            "article_id": [article.id for article in db.articles()],
            "proposal_id": [proposal.id for proposal in track.proposals(db)],
            "cluster_id": [row["cluster_id"] for row in db.cluster_page({}, limit=20)[0]],
            "actor_key": [summary.actor.id for summary in db.actors(limit=20)],
            "key": [row["name"] + "|" + (row["country"] or "") for row in db.place_rows({})[0]],
        }


def fuzz_config(db_path: Path, folder: Path) -> Path:
    """tests/fuzz/schemathesis.toml, plus a dictionary of stored ids for the path ids."""
    text = (FUZZ / "schemathesis.toml").read_text(encoding="utf-8")
    hostile = json.dumps(str(FUZZ / "hostile.dict"))
    text = text.replace('from-file = "hostile.dict"', f"from-file = {hostile}")
    ids = stored_ids(db_path)
    assert text.rstrip().splitlines()[-1].startswith('"query.'), "[parameters] must come last"
    text += "".join(
        f'"path.{name}" = {{ dictionary = "stored", probability = 0.7 }}\n' for name in ids
    )
    values = [value for found in ids.values() for value in found]
    text += f"\n[dictionaries.stored]\nvalues = {json.dumps(values)}\n"
    config = folder / "schemathesis.toml"
    config.write_text(text, encoding="utf-8")
    return config


def served_statuses(log: Path) -> list[tuple[str, str, int]]:
    """(method, target, status) of every request in the server's access log."""
    found = SERVED.findall(log.read_text(errors="replace"))
    return [(method, target, int(status)) for method, target, status in found]


def test_no_request_the_fuzzer_makes_gets_a_5xx(db_path: Path, base_url: str, tmp_path: Path):
    port = base_url.rsplit(":", 1)[1]
    log = db_path.parent / f"server-{port}.log"
    served_before = len(served_statuses(log))
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(fuzz_config(db_path, tmp_path)),
        "run",
        f"{base_url}/openapi.json",
        "--header",
        f"Authorization: Bearer {TOKEN}",
        "--no-color",
    ]
    run = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    report = run.stdout + run.stderr
    cases = re.search(r"(\d+) generated", report)
    served = served_statuses(log)[served_before:]
    failures = [entry for entry in served if entry[2] >= 500]
    by_status = Counter(status for _, _, status in served)
    print(
        f"schemathesis: {cases.group(1) if cases else '?'} test cases, {len(served)} requests "
        f"served, {len(failures)} 5xx; by status {dict(sorted(by_status.items()))}"
    )
    assert run.returncode == 0, report[-8000:]
    assert cases and int(cases.group(1)) >= 300, report[-3000:]
    assert len(served) >= 300
    assert not failures, failures[:20]
    methods_and_paths = {(method, target.split("?")[0]) for method, target, _ in served}
    assert ("POST", "/api/articles") in methods_and_paths
    assert any(path.startswith("/api/events/") for _, path in methods_and_paths)
    assert any(status == 200 for method, target, status in served if "/api/events/" in target)
