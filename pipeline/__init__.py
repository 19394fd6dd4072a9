"""Indonesian news NLP pipeline: clean -> sentences -> entities, written as Parquet tables."""

__version__ = "0.5.0"
