"""Local worker processes for `batch`: forked after the engine is built, so every worker
shares the parent's spaCy pipeline and packs (copy-on-write) instead of building its own.
Each file is bounded in time (a hung worker is killed and replaced) and in memory (an
address-space limit per worker); a worker that dies takes only its current file with it."""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import time
from multiprocessing.connection import wait

from resumefit.batch.work import Job, review

MEMORY_PER_FILE = 1024 * 1024 * 1024  # bytes of address space a worker may add while reviewing
# spaCy's vocabulary keeps every new word a worker meets (names, numbers, emails), so a
# worker is replaced by a fresh fork after this many files: memory stays flat over a run.
FILES_PER_WORKER = 200


def _worker(conn, engine) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C means
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        current = _address_space()
        if current:
            limit = current + MEMORY_PER_FILE
            resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))
    except (ValueError, OSError):
        pass
    while True:
        job = conn.recv()
        if job is None:
            return
        try:
            conn.send(review(job, engine))
        except MemoryError:
            conn.send(_failure(job, "needed more memory than a resume can (over 1 GB)"))
        except Exception as exc:  # one bad file must not stop the cohort: record it, go on
            conn.send(_failure(job, f"could not be reviewed ({type(exc).__name__}: {str(exc)[:200]})"))


def _address_space() -> int:
    try:
        with open(f"/proc/{os.getpid()}/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return 0


def _failure(job: Job, why: str) -> dict:
    error = f"{job.path}: {why}"
    row = {"file": job.path, "name": job.name, "status": "failed", "error": error, "best": "", "scores": {},
           "with_results": None, "gaps": [], "flags": [], "report": "", "reviewed": ""}
    return {"row": row, "report": {"source": job.path, "error": error}}


def run_local(jobs: list[Job], engine, workers: int, timeout: float, on_result) -> None:
    """Review every job; `on_result(output)` is called in the parent as each finishes."""
    if workers <= 1 and not timeout:
        for job in jobs:
            on_result(review(job, engine))
        return
    context = multiprocessing.get_context("fork")  # explicit: the default start method is changing
    pending = list(reversed(jobs))
    slots: dict = {}  # connection -> [process, job, started]

    def start():
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, engine), daemon=True)
        process.start()
        child.close()
        slots[parent] = [process, None, 0.0, 0]  # process, job, started, files done
        return parent

    for _ in range(max(1, min(workers, len(jobs)))):
        start()
    try:
        for conn, slot in list(slots.items()):
            _give(conn, slot, pending)
        while any(slot[1] is not None for slot in slots.values()):
            ready = wait([c for c, s in slots.items() if s[1] is not None] +
                         [s[0].sentinel for s in slots.values() if s[1] is not None], timeout=0.2)
            now = time.monotonic()
            for conn, slot in list(slots.items()):
                process, job, started, _ = slot
                if job is None:
                    continue
                if conn in ready:
                    try:
                        output = conn.recv()
                    except (EOFError, OSError):
                        output = None
                    if output is not None:
                        on_result(output)
                        slot[3] += 1
                        if slot[3] >= FILES_PER_WORKER and pending:
                            _retire(conn, slot, slots)
                            conn = start()
                            slot = slots[conn]
                        _give(conn, slot, pending)
                        continue
                if not process.is_alive() or (timeout and now - started > timeout):
                    why = (f"took longer than {timeout:g} s and was stopped" if process.is_alive()
                           else f"stopped its worker (exit code {process.exitcode})")
                    process.kill()
                    process.join()
                    conn.close()
                    del slots[conn]
                    on_result(_failure(job, why))
                    if pending:
                        new = start()
                        _give(new, slots[new], pending)
    finally:
        for conn, (process, *_) in slots.items():
            try:
                conn.send(None)
            except (OSError, BrokenPipeError):
                pass
        for process, *_ in slots.values():
            process.join(timeout=2)
            if process.is_alive():
                process.kill()


def _retire(conn, slot: list, slots: dict) -> None:
    conn.send(None)
    slot[0].join(timeout=5)
    if slot[0].is_alive():
        slot[0].kill()
    conn.close()
    del slots[conn]


def _give(conn, slot: list, pending: list[Job]) -> None:
    if pending:
        job = pending.pop()
        conn.send(job)
        slot[1], slot[2] = job, time.monotonic()
    else:
        slot[1] = None
