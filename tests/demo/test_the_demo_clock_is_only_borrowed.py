"""The demo loader moves MotCua's server clock only while it loads, never ahead of real time."""

from datetime import timedelta

import pytest
from django.utils import timezone

from motcua import clock
from motcua.demo.clock import demo_clock


def test_inside_the_block_services_see_the_demo_instant_and_after_it_the_real_time():
    past = timezone.now() - timedelta(days=30)
    with demo_clock(past) as demo:
        assert clock.now() == past
        demo.set(past + timedelta(hours=2))
        assert clock.now() == past + timedelta(hours=2)
    assert abs(clock.now() - timezone.now()) < timedelta(seconds=5)


def test_the_real_clock_comes_back_when_loading_fails():
    with pytest.raises(RuntimeError), demo_clock(timezone.now() - timedelta(days=1)):
        raise RuntimeError("a failed load")
    assert abs(clock.now() - timezone.now()) < timedelta(seconds=5)


def test_the_demo_clock_refuses_to_run_ahead_of_real_time():
    with demo_clock(timezone.now() - timedelta(days=1)) as demo, pytest.raises(ValueError):
        demo.set(timezone.now() + timedelta(minutes=5))
