"""The pages for people under /: routes in controller.py, SQL in queries.py, and what they show in render.py (HTML
responses), marks.py (records marked in the text), charts.py, tables.py, groups.py, text.py and params.py."""

from .controller import ROUTES

__all__ = ["ROUTES"]
