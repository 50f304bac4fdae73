"""`batch --dask ADDRESS`: the same per-file work on a Dask distributed cluster. Each Dask
worker builds the engine once (on its first file) and keeps it; files and outputs live on
storage every worker can reach (see docs/scale.md)."""

from __future__ import annotations

from resumefit.batch.work import Job, review
from resumefit.errors import InputError

_ENGINE: dict[tuple, object] = {}


def review_on_worker(job: Job, rules: tuple[str, ...]) -> dict:
    if rules not in _ENGINE:
        from resumefit import api

        _ENGINE[rules] = api.engine(list(rules))
    return review(job, _ENGINE[rules])


def run_dask(jobs: list[Job], address: str, on_result, rules: tuple[str, ...] = ()) -> None:
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise InputError("--dask needs the Dask extra: pip install 'resumefit[dask]'") from None
    from resumefit.batch.pool import _failure

    try:
        client = Client(address, timeout="20s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise InputError(f"{address}: cannot reach a Dask scheduler there ({exc}); start one or check the address.") \
            from None
    with client:
        futures = {client.submit(review_on_worker, job, rules, pure=False, key=f"resumefit-{job.name}"): job
                   for job in jobs}
        for future in as_completed(futures):
            try:
                on_result(future.result())
            except Exception as exc:  # a worker lost or a task failed: record the file, carry on
                on_result(_failure(futures[future], f"could not be reviewed on the cluster ({type(exc).__name__})"))
