"""Performance assurance: indicators, observations with revisions, targets, plans and RAG."""
