"""Terminal output shared by the command-line layers (``accord`` and its tracking commands)."""

from __future__ import annotations

from rich.console import Console

PIPE_WIDTH = 172  # tables written to a pipe or file are not squeezed into 80 columns


def stdout() -> Console:
    """Standard output; wide enough for tables when it is not a terminal."""
    console = Console(highlight=False)
    if not console.is_terminal:
        console = Console(highlight=False, width=PIPE_WIDTH)
    return console


def stderr() -> Console:
    return Console(stderr=True, highlight=False)
