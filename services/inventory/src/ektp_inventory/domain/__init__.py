"""The blank-card ledger's rules: plain Python, no database, no Kafka, no HTTP."""
