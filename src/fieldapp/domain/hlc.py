"""Hybrid logical clock (Kulkarni et al., 2014) for ordering changes across devices.

A stamp is one 64-bit integer: milliseconds since the epoch shifted left 16 bits, plus a
16-bit counter. It never goes backwards on a device even if the wall clock does (a laptop
with a flat CMOS battery), and after merging a remote stamp it sorts after it. Ties between
devices are broken by device id, which travels with every row.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1


def pack(millis: int, counter: int) -> int:
    return (millis << COUNTER_BITS) | counter


def unpack(stamp: int) -> tuple[int, int]:
    return stamp >> COUNTER_BITS, stamp & COUNTER_MASK


class HybridLogicalClock:
    def __init__(self, last: int = 0, wall_ms: Callable[[], int] | None = None) -> None:
        self.last = last
        self._wall_ms = wall_ms or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()  # saves may run on worker threads

    def now(self) -> int:
        """A stamp greater than every stamp issued or seen before."""
        with self._lock:
            return self._now()

    def observe(self, remote: int) -> int:
        """Merge a stamp received from another device; returns the new local stamp."""
        with self._lock:
            return self._observe(remote)

    def _now(self) -> int:
        wall = self._wall_ms()
        last_ms, counter = unpack(self.last)
        if wall > last_ms:
            self.last = pack(wall, 0)
        else:
            self.last = self._bump(last_ms, counter)
        return self.last

    def _observe(self, remote: int) -> int:
        wall = self._wall_ms()
        last_ms, last_c = unpack(self.last)
        remote_ms, remote_c = unpack(remote)
        top = max(wall, last_ms, remote_ms)
        if top == last_ms == remote_ms:
            self.last = self._bump(top, max(last_c, remote_c))
        elif top == last_ms:
            self.last = self._bump(top, last_c)
        elif top == remote_ms:
            self.last = self._bump(top, remote_c)
        else:
            self.last = pack(top, 0)
        return self.last

    @staticmethod
    def _bump(millis: int, counter: int) -> int:
        if counter >= COUNTER_MASK:  # 65,535 stamps in one millisecond: borrow the next one
            return pack(millis + 1, 0)
        return pack(millis, counter + 1)
