"""Text: the language tools cleaning and extraction share — spaCy loading, batched parsing and
offset-preserving normalisation (`nlp`), and temporal expressions resolved against a reference
date (`temporal`)."""
