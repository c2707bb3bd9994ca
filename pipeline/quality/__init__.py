"""Quality: the Great Expectations audit of a batch (record- or batch-level failures), Data Docs
that open offline, and the static HTML run reports and their index."""
