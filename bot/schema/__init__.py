"""The PostgreSQL schema, one numbered SQL file per version (applied by bot.pg_store.migrate_schema)."""
