"""Cleaning stage: article-body extraction for news dumps (plain text and HTML).

    from pipeline.clean import clean_document, clean_batch, clean_record
"""
from .core import clean_batch, clean_document, clean_record, learn_recurring_lines
from .dedup import find_near_duplicates, minhash_signature
from .language import detect_language

__all__ = [
    "clean_document",
    "clean_batch",
    "clean_record",
    "learn_recurring_lines",
    "find_near_duplicates",
    "minhash_signature",
    "detect_language",
]
