"""Controllers, one module per resource."""
