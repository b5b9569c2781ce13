"""An OpenID Connect client for VNeID (or any OpenID provider), with the standard library and `cryptography`:
discovery, JWKS, the authorization code flow with PKCE, state and nonce, ID token validation and userinfo."""
