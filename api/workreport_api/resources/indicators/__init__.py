"""Indicators: routes in controller.py, SQL in queries.py."""

from .controller import ROUTES, IndicatorCode

__all__ = ["ROUTES", "IndicatorCode"]
