"""Storage: tables, engine, migrations, loading, search and export."""
