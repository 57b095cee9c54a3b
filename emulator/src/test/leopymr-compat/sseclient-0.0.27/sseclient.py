"""A model of sseclient 0.0.27 (PyPI), the version leopymr's users install, written for our compatibility
suite because Debian ships no sseclient and this machine reaches no PyPI. It keeps the behaviour of that
release that decides what listen.py prints, and nothing else:

- it GETs the URL with requests (stream=True, Accept: text/event-stream, Cache-Control: no-cache);
- it reads the socket itself: read1(chunk_size=1024) on the connection's buffered reader under urllib3,
  so HTTP chunked framing is NOT removed (the chunk-size lines land in the text it parses);
- it decodes the bytes with response.encoding (requests: ISO-8859-1 for a text/* type without charset),
  falling back to apparent_encoding, with errors='replace';
- an event ends at the first blank line (\\r\\n\\r\\n, \\r\\r or \\n\\n); its lines are 'name: value'
  (a line with an empty name is a comment); data lines join with '\\n'; unknown names are ignored;
- every block is returned as an event, comment-only ones too (data ''), and str(event) is its data.
Reconnection after a dropped stream is left out (the suite fails instead of hiding it).
"""
import codecs
import re

import requests

__version__ = "0.0.27 (model)"

_BLANK_LINE = re.compile(r"\r\n\r\n|\r\r|\n\n")
_FIELD = re.compile(r"(?P<name>[^:]*):?( ?(?P<value>.*))?")


class Event(object):
    def __init__(self):
        self.data = ""
        self.event = "message"
        self.id = None
        self.retry = None

    @classmethod
    def parse(cls, block):
        ev = cls()
        for line in block.splitlines():
            m = _FIELD.match(line)
            name = m.group("name")
            if name == "":
                continue
            value = m.group("value")
            if name == "data":
                ev.data = value if not ev.data else ev.data + "\n" + value
            elif name == "event":
                ev.event = value
            elif name == "id":
                ev.id = value
            elif name == "retry":
                ev.retry = int(value)
        return ev

    def __str__(self):
        return self.data


class SSEClient(object):
    def __init__(self, url, chunk_size=1024, **kwargs):
        headers = kwargs.pop("headers", {})
        headers["Cache-Control"] = "no-cache"
        headers["Accept"] = "text/event-stream"
        self.response = requests.get(url, stream=True, headers=headers, **kwargs)
        self.response.raise_for_status()
        self.chunk_size = chunk_size
        encoding = self.response.encoding or self.response.apparent_encoding
        self.decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
        self.socket_reader = self.response.raw._fp.fp  # below urllib3 and http.client: no de-chunking
        self.text = ""

    def __iter__(self):
        return self

    def __next__(self):
        while _BLANK_LINE.search(self.text) is None:
            piece = self.socket_reader.read1(self.chunk_size)
            if not piece:
                raise StopIteration
            self.text += self.decoder.decode(piece)
        block, self.text = _BLANK_LINE.split(self.text, maxsplit=1)
        return Event.parse(block)
