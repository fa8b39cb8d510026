"""workreport pipeline."""
