"""Extraction stage: sentences -> events (dates, places, actors, event types)."""
