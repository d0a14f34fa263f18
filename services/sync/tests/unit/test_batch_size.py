import random

import pytest

from ektp_sync.domain.batch_size import BatchSize


def test_a_batch_cut_off_halves_the_next_down_to_one() -> None:
    size = BatchSize(largest=100)
    seen = []
    for _ in range(8):
        size.cut_off()
        seen.append(size.now)
    assert seen == [50, 25, 12, 6, 3, 1, 1, 1]


def test_batches_that_arrive_grow_it_back_to_the_configured_size_and_no_further() -> None:
    size = BatchSize(largest=100, now=1)
    seen = []
    for _ in range(20):
        size.arrived()
        seen.append(size.now)
    assert seen[:6] == [2, 3, 4, 5, 6, 7]
    assert seen[-1] == 100 and max(seen) == 100


def test_on_a_lossy_link_it_settles_where_most_batches_arrive() -> None:
    # 16 KB pieces at 2% risk each, 3 pieces a packet: a batch of n arrives with 0.98**(3n).
    rng = random.Random(14)
    size, arrived = BatchSize(largest=100), 0
    for _ in range(2000):
        if rng.random() < 0.98 ** (3 * size.now):
            size.arrived()
            arrived += 1
        else:
            size.cut_off()
    assert arrived > 1400  # a fixed 100 would get about 2 batches in 2000 through
    assert size.now < 50


def test_it_refuses_an_empty_batch() -> None:
    with pytest.raises(ValueError):
        BatchSize(largest=0)
