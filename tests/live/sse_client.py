"""A small SSE reader over http.client, for tests and the benchmark (no browser, no extra package)."""

from __future__ import annotations

import http.client
import json
from collections.abc import Iterator


class SSEClient:
    """One text/event-stream connection; iterate `events()` for parsed event dicts."""

    def __init__(
        self, host: str, port: int, path: str, headers: dict[str, str], timeout: float = 10.0
    ) -> None:
        self.connection = http.client.HTTPConnection(host, port, timeout=timeout)
        self.connection.request("GET", path, headers={"Accept": "text/event-stream", **headers})
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            body = self.response.read().decode(errors="replace")
            self.close()
            raise ConnectionError(f"stream refused: {self.response.status} {body[:200]}")

    def events(self) -> Iterator[dict]:
        """Parsed events as they arrive (comments and keep-alives skipped)."""
        data: list[str] = []
        while True:
            line = self.response.readline()
            if not line:
                return
            text = line.decode().rstrip("\r\n")
            if text.startswith("data: "):
                data.append(text[6:])
            elif text == "" and data:
                yield json.loads("\n".join(data))
                data = []

    def close(self) -> None:
        """Drop the connection."""
        self.connection.close()
