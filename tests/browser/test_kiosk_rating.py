"""The kiosk at the desk, on a 10" tablet in Debian's Chromium: a desk officer logs in and opens the kiosk,
picks the dossier just received, the citizen taps the answers and sends them, and the kiosk goes back to its
welcome screen by itself. axe-core finds no serious or critical accessibility violation on the questions."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from motcua.dossiers import services
from motcua.ratings.models import Channel, Policy, Rating
from tests.factories.dossiers import intake, make_world

AXE = Path(__file__).resolve().parent / "vendor" / "axe.min.js"
PORTRAIT = {"width": 800, "height": 1280}  # a 10" tablet, in CSS pixels
LANDSCAPE = {"width": 1280, "height": 800}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """A touch screen: the citizen taps."""
    return {**browser_context_args, "has_touch": True, "viewport": PORTRAIT}


def serious_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{violation['id']} ({violation['impact']}): {node['target']}"
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
        for node in violation["nodes"]
    ]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_citizen_rates_at_the_kiosk_and_it_resets(page, live_server):
    world = make_world()
    dossier = services.receive(services.submit(intake(world), world.desk), world.desk)
    Policy.objects.update_or_create(pk=1, defaults={"kiosk_reset_seconds": 2})

    page.goto(f"{live_server.url}/office/ratings/kiosk/")
    page.get_by_label("Tên đăng nhập").fill(world.desk.username)
    page.get_by_label("Mật khẩu").fill("mat-khau-thu")
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page.get_by_role("heading", name="Xin kính chào")).to_be_visible()
    page.get_by_role("button", name=dossier.code).click()

    expect(page.get_by_role("heading", name="Chúng tôi phục vụ ông/bà thế nào?")).to_be_visible()
    assert serious_violations(page) == []
    choices = page.locator(".rating-option")
    for index in range(choices.count()):
        assert choices.nth(index).bounding_box()["height"] >= 64  # big enough for a finger
    attitude = page.get_by_role("group", name="Thái độ của cán bộ")
    expect(attitude).to_be_visible()

    # The citizen taps: the best answer everywhere, "Bình thường" for the attitude, "Rất hài lòng" overall.
    for name in ("contacts", "agencies_contacted", "one_stop", "publicity", "feedback", "online_services"):
        page.locator(f"fieldset:has(input[name='{name}']) label").first.tap()
    attitude.get_by_text("Bình thường").tap()
    page.set_viewport_size(LANDSCAPE)  # turned sideways halfway: the answers stay
    page.get_by_text("Rất hài lòng").tap()
    expect(page.get_by_role("radio", name="Bình thường").first).to_be_checked()
    page.get_by_role("button", name="Gửi đánh giá").tap()

    expect(page.get_by_role("heading", name="Xin cảm ơn!")).to_be_visible()
    expect(page.get_by_role("heading", name="Xin kính chào")).to_be_visible(timeout=10_000)
    expect(page.get_by_role("button", name=dossier.code)).to_have_count(0)

    rating = Rating.objects.get(dossier=dossier)
    assert (rating.channel, rating.officer, rating.overall) == (Channel.KIOSK, world.desk, "very_satisfied")
    assert rating.answers.get(indicator__code="attitude").points == 1
