"""NOTICE credits every third-party text the repository ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_notice_is_up_to_date_with_the_corpora() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notice.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    notice = (ROOT / "NOTICE").read_text(encoding="utf-8")
    for meta in sorted((ROOT / "tests").glob("corpus_[nq]*/*/*.meta.json")):
        assert meta.name.removesuffix(".meta.json") in notice, meta
