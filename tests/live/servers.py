"""Real servers for tests and the benchmark: start, wait, stop, and read an event stream over http.client."""

from __future__ import annotations

import http.client
import json
import socket
import subprocess
import time
import urllib.request
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


def free_port() -> int:
    """A TCP port nobody listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_healthy(process: subprocess.Popen, port: int, seconds: float = 30) -> subprocess.Popen:
    """Wait for a started server to answer /healthz; stop it and raise if it does not in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return process
        except OSError:
            time.sleep(0.2)
    stop_process(process)
    raise RuntimeError(f"the server on port {port} did not answer within {seconds:g} s")


def stop_process(process: subprocess.Popen) -> None:
    """Stop a process, killing it if it does not stop in 5 s."""
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(5)
