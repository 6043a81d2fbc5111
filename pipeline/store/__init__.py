"""Storage: the schema gate, Delta writing, loading runs back, the content-hash cache."""
