"""A lean HTTP/1.1 keep-alive client for load on loopback.

The load generator shares the machine's two cores with the server it measures, so every
millisecond it spends per request is taken from the server and added to the latency it
reports. aiohttp spends ~0.5 ms of Python per request on cookies, URL objects and
multidict headers; this client writes prepared bytes and reads the status, the headers
it is asked for and the body — a fraction of that.
"""

import asyncio


class ClosedByServer(Exception):
    """The server closed a kept-alive connection before answering (safe to resend)."""


class Response:
    __slots__ = ("status", "headers", "body")

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body


class Browser:
    """One visitor's browser: kept-alive connections to the site, a new one while all are busy."""

    def __init__(self, host, port):
        self.host, self.port = host, port
        self.idle = []

    async def request(self, method, target, headers=(), body=b""):
        head = [f"{method} {target} HTTP/1.1", f"Host: {self.host}:{self.port}"]
        head += [f"{name}: {value}" for name, value in headers]
        if body or method == "POST":
            head.append(f"Content-Length: {len(body)}")
        payload = ("\r\n".join(head) + "\r\n\r\n").encode() + body
        if self.idle:
            try:
                return await self._send(self.idle.pop(), payload)
            except (ClosedByServer, ConnectionError):
                pass  # the server closed the idle connection first: send again on a new one
        return await self._send(await asyncio.open_connection(self.host, self.port), payload)

    async def _send(self, connection, payload):
        reader, writer = connection
        try:
            writer.write(payload)
            response, keep = await _read_response(reader)
        except BaseException:
            writer.close()
            raise
        if keep:
            self.idle.append(connection)
        else:
            writer.close()
        return response

    def close(self):
        for _reader, writer in self.idle:
            writer.close()
        self.idle.clear()


async def _read_response(reader):
    status_line = await reader.readline()
    if not status_line:
        raise ClosedByServer
    status = int(status_line.split(b" ", 2)[1])
    headers = {}
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        body = await _read_chunked(reader)
    elif status in (204, 304):
        body = b""
    else:
        body = await reader.read()
        return Response(status, headers, body), False
    keep = headers.get("connection", "").lower() != "close"
    return Response(status, headers, body), keep


async def _read_chunked(reader):
    chunks = []
    while True:
        size = int((await reader.readline()).split(b";")[0], 16)
        if size == 0:
            await reader.readline()
            return b"".join(chunks)
        chunks.append(await reader.readexactly(size))
        await reader.readline()
