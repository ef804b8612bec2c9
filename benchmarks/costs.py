"""What a one-time load costs, as the benchmarks print it."""

import resource
import time
from collections.abc import Callable


def load_cost(load: Callable[[], object]) -> str:
    """Run ``load`` once and say how long it took and how much the peak RSS grew."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    load()
    seconds = time.perf_counter() - started
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    return f"{seconds * 1000:.0f} ms, +{grown:.0f} MB peak RSS"
