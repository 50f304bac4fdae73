"""Local worker processes for `batch`: forked after the engine is built, so every worker
shares the parent's spaCy pipeline and packs (copy-on-write) instead of building its own.
Each file is bounded in time (a hung worker is killed and replaced) and in memory (an
address-space limit per worker); a worker that dies takes only its current file with it."""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import signal
import time
from multiprocessing.connection import wait

from resumefit.batch.work import Job, review, warm_up

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
    error = job.shown(f"{job.path}: {why}")
    row = {"file": job.label, "name": job.name, "status": "failed", "error": error, "best": "", "scores": {},
           "with_results": None, "gaps": [], "flags": [], "report": "", "reviewed": ""}
    return {"row": row, "report": {"source": job.label, "error": error}}


IN_FLIGHT = 2  # jobs sent to a worker ahead: it starts the next while the parent writes the last


class _Slot:
    def __init__(self, process, conn):
        self.process, self.conn = process, conn
        self.jobs: list[Job] = []  # sent and not answered, oldest first (the one being reviewed)
        self.started = 0.0  # when the oldest began
        self.given = 0  # jobs sent over its life


def run_local(jobs: list[Job], engine, workers: int, timeout: float, on_result) -> None:
    """Review every job; `on_result(output)` is called in the parent as each finishes."""
    if workers <= 1 and not timeout:
        for job in jobs:
            on_result(review(job, engine))
        return
    context = multiprocessing.get_context("fork")  # explicit: the default start method is changing
    pending = list(reversed(jobs))  # next job last
    slots: dict = {}  # connection -> _Slot

    def start() -> _Slot:
        parent, child = context.Pipe()
        process = context.Process(target=_worker, args=(child, engine), daemon=True)
        process.start()
        child.close()
        slot = slots[parent] = _Slot(process, parent)
        fill(slot)
        return slot

    def fill(slot: _Slot) -> None:
        # A worker is replaced by a fresh fork after FILES_PER_WORKER jobs (see above).
        while pending and len(slot.jobs) < IN_FLIGHT and slot.given < FILES_PER_WORKER:
            job = pending.pop()
            slot.conn.send(job)
            if not slot.jobs:
                slot.started = time.monotonic()
            slot.jobs.append(job)
            slot.given += 1

    def stop(slot: _Slot) -> None:
        del slots[slot.conn]
        _end(slot)

    # Python's advice for fork without exec: what the parent holds (spaCy, the packs) goes to
    # the collector's permanent generation, so no child's collection writes to those pages
    # and forces the kernel to copy them (a worker reviewed 25% slower without it).
    warm_up()
    gc.freeze()
    for _ in range(max(1, min(workers, len(jobs)))):
        start()
    try:
        while any(slot.jobs for slot in slots.values()):
            busy = [slot for slot in slots.values() if slot.jobs]
            ready = wait([slot.conn for slot in busy] + [slot.process.sentinel for slot in busy], timeout=0.2)
            for slot in busy:
                if slot.conn in ready:
                    try:
                        output = slot.conn.recv()
                    except (EOFError, OSError):
                        output = None
                    if output is not None:
                        slot.jobs.pop(0)
                        slot.started = time.monotonic()
                        on_result(output)
                        fill(slot)
                        if not slot.jobs and pending:  # worn out: a fresh fork takes over
                            stop(slot)
                            start()
                        continue
                if not slot.process.is_alive() or (timeout and time.monotonic() - slot.started > timeout):
                    why = (f"took longer than {timeout:g} s and was stopped" if slot.process.is_alive()
                           else f"stopped its worker (exit code {slot.process.exitcode})")
                    slot.process.kill()
                    culprit, *queued = slot.jobs
                    pending.extend(reversed(queued))  # sent ahead but never started: they go back
                    slot.jobs = []
                    stop(slot)
                    on_result(_failure(culprit, why))
                    if pending:
                        start()
    finally:
        for slot in list(slots.values()):
            _end(slot)
        gc.unfreeze()


def _end(slot: _Slot) -> None:
    try:
        slot.conn.send(None)
    except (OSError, BrokenPipeError):
        pass
    slot.process.join(timeout=2)
    if slot.process.is_alive():
        slot.process.kill()
        slot.process.join()
    slot.conn.close()
