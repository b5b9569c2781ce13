"""REST API routing (/api/v1/): each domain app contributes its resources from its own api.py."""
