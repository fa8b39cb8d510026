"""workreport API."""
