"""Where shard jobs run: this process, a local process pool, or a Dask cluster.

An executor only maps a function over (shard, payload) jobs and yields the results as they finish;
it never looks inside a shard. Jobs are pulled lazily with a bounded number in flight, so the input
stream is never held in memory whole, and a failing job raises here instead of vanishing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from itertools import islice
from typing import Any

Job = tuple[int, Any]


class LocalExecutor:
    """`workers` processes; with one worker the jobs run in this process (easiest to debug)."""

    def __init__(self, workers: int = 1) -> None:
        self.workers = workers

    def map(self, function: Callable, jobs: Iterable[Job], *args: Any) -> Iterator[Any]:
        if self.workers <= 1:
            for shard, payload in jobs:
                yield function(shard, payload, *args)
            return
        jobs = iter(jobs)
        with ProcessPoolExecutor(max_workers=self.workers) as pool:
            pending = {pool.submit(function, shard, payload, *args) for shard, payload in islice(jobs, 2 * self.workers)}
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    yield future.result()
                    for shard, payload in islice(jobs, 1):
                        pending.add(pool.submit(function, shard, payload, *args))


class DaskExecutor:
    """dask.distributed: a scheduler at `address`, or a LocalCluster started for the run."""

    def __init__(self, address: str | None = None, workers: int = 1) -> None:
        self.address = address
        self.workers = workers

    def map(self, function: Callable, jobs: Iterable[Job], *args: Any) -> Iterator[Any]:
        try:
            from dask.distributed import Client, LocalCluster, as_completed
        except ImportError:
            raise ImportError("--executor dask needs dask.distributed: pip install -e '.[dask]'") from None

        cluster = None if self.address else LocalCluster(n_workers=self.workers, threads_per_worker=1, dashboard_address=None)
        try:
            with Client(self.address or cluster) as client:
                capacity = 2 * max(1, len(client.scheduler_info()["workers"]))
                jobs = iter(jobs)
                running = as_completed([client.submit(function, shard, payload, *args, pure=False) for shard, payload in islice(jobs, capacity)])
                for future in running:
                    yield future.result()
                    future.release()
                    for shard, payload in islice(jobs, 1):
                        running.add(client.submit(function, shard, payload, *args, pure=False))
        finally:
            if cluster is not None:
                cluster.close()
