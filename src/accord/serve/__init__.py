"""HTTP API and web UI over ``accord.api``: ``create_app(db_path)`` gives a FastAPI app.

    uvicorn.run(create_app("news.db"), host="127.0.0.1", port=8765)

or ``accord serve news.db``. Everything is served by the one process, offline: the UI's
scripts, styles and world outline are package files under ``static/``.
"""

from __future__ import annotations

from accord.serve.app import create_app

__all__ = ["create_app"]
