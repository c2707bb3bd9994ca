"""Lab: benchmarks, evaluation against gold sets and docs generators. The stages never import it."""
