"""Extraction stage: sentences -> events (dates, places, actors, event types)."""

from pipeline.extract.events import extract_many, extract_mentions  # noqa: E402,F401
