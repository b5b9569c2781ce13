import pytest

from motcua.notices.standin import StandIn, start_in_thread


@pytest.fixture
def standin():
    """The national portal's stand-in, served from a thread on a free port; `standin.url` is its address."""
    app = StandIn()
    server = start_in_thread(app)
    app.url = f"http://127.0.0.1:{server.server_port}/dvcqg/dongbohoso"
    yield app
    app.release()
    server.shutdown()
    server.server_close()


@pytest.fixture
def portal(settings, standin):
    """The national portal sync switched on, towards the stand-in."""
    settings.MOTCUA_NATIONAL_PORTAL_URL = standin.url
    return standin
