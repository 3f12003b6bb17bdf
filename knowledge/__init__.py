"""The knowledge store: sourced Step 2 CK facts, loaded and validated once at start."""

from knowledge.store import Knowledge, KnowledgeError, load_knowledge

__all__ = ["Knowledge", "KnowledgeError", "load_knowledge"]
