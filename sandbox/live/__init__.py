"""Live exercises. For now: the event bus that carries live events between server processes."""
