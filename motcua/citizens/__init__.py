"""Citizens' accounts: registration and login by e-mail or phone, verification, VNeID (OpenID Connect)."""
