"""Documents attached to disclosure content: their text, and who may download them."""
