import pytest

from motcua.citizens.oidc import client as oidc_client

from .oidc_provider import CLIENT_ID, CLIENT_SECRET, LocalProvider


@pytest.fixture
def oidc_provider(settings):
    """A local OpenID provider, configured as MotCua's VNeID."""
    provider = LocalProvider().start()
    settings.MOTCUA_OIDC_ISSUER = provider.issuer
    settings.MOTCUA_OIDC_CLIENT_ID = CLIENT_ID
    settings.MOTCUA_OIDC_CLIENT_SECRET = CLIENT_SECRET
    settings.MOTCUA_OIDC_SCOPES = "openid profile email phone"
    settings.MOTCUA_OIDC_LABEL = "VNeID"
    oidc_client.forget_cache()
    yield provider
    provider.stop()
    oidc_client.forget_cache()
