"""Views grouped by audience: ``portal`` (public, read-only), ``backoffice`` (staff), ``api``.

Views hold no models of their own. Anything that could be exempt (Part 2) is reached only
through :mod:`quorate.governance.visibility`.
"""
