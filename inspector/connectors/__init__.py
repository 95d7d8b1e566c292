"""Connectors to the shop platforms (bol.com, Shopify, Sendcloud) and the generic outcome export. Qt-free.

Announced returns flow in from each platform into the central database, through the file import's own
validation and writer (:mod:`.importing`); inspection outcomes flow back through an outbox
(:mod:`.outbox`), exactly once. See docs/connectors.md.
"""
