"""Run `verbatim check` over a Dask cluster.

verbatim cuts a check into shards of documents: `verbatim scan --docs A..B`
searches one shard and writes its evidence as JSON lines, and `verbatim
merge` combines the parts into exactly the report `verbatim check` gives.
This package maps the scans over Dask workers (retrying a shard whose
worker dies) and runs the merge where it is called.
"""

from .driver import Shard, plan_shards, run

__all__ = ["Shard", "plan_shards", "run"]
