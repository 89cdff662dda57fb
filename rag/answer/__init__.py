"""Answers from retrieved passages: extractive answers and the checks that every citation supports its claim."""
