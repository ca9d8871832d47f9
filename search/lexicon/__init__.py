"""The colloquial ↔ official lexicon shipped with Gongkai (``colloquial.txt``) and its loading."""
