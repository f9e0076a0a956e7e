"""Extraction of meetings: who met whom, where and when."""
