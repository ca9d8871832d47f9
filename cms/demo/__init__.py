"""Generators for a believable demo county (青溪县): every text here is written for Gongkai."""
