"""The store: its schema (defined once, read by the app too), engine and migrations, the bulk writer,
the derived tables a load writes, run recovery, status, health and exports."""
