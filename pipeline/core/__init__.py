"""Core: what every room shares and nothing else — the records passed between the stages
(`models`), the PLOVER ontology, the settings (`config`, the only reader of the environment), fault
points for crash tests, and the fork worker pool. Imports nothing from the other rooms."""
