from __future__ import annotations

from fieldapp.domain.hlc import HybridLogicalClock, pack, unpack


def test_stamps_increase_even_when_the_wall_clock_goes_back() -> None:
    wall = iter([1000, 1000, 999, 500, 1001])
    clock = HybridLogicalClock(wall_ms=lambda: next(wall))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5
    assert unpack(stamps[3]) == (1000, 3)


def test_observing_a_remote_stamp_orders_later_events_after_it() -> None:
    clock = HybridLogicalClock(wall_ms=lambda: 1000)
    remote = pack(5000, 7)
    assert clock.observe(remote) > remote
    assert clock.now() > remote


def test_restart_continues_from_the_last_stamp() -> None:
    first = HybridLogicalClock(wall_ms=lambda: 2000)
    last = first.now()
    again = HybridLogicalClock(last, wall_ms=lambda: 1500)  # the clock was set back meanwhile
    assert again.now() > last
