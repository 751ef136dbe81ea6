"""Whether work may be handed to a forked child process (downloads, validation).

Forking copies the parent's memory, so a child starts with the data already
read and nothing is pickled on the way in. It is safe only where fork exists
and no other thread runs (a forked thread's locks stay held in the child), so
not under `mkdocs serve`, whose file watcher and server are threads.
"""

from __future__ import annotations

import multiprocessing
import threading


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
