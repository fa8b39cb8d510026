"""The API's entry point and its catalog: routes in controller.py, SQL in queries.py."""

from .controller import ROUTES

__all__ = ["ROUTES"]
