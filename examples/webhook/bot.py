#!/usr/bin/env python3
"""A Parley webhook bot in plain Python (standard library only).

Run:   python3 examples/webhook/bot.py 8765
Play:  npx parley run --game leduc --seats http:http://127.0.0.1:8765/,call --matches 10

Parley POSTs JSON with "kind": "act" or "negotiate" (see README.md and schema.json here).
This bot checks or calls when it can, otherwise plays the first legal action; in a
simultaneous phase (Diplomacy) it holds every unit, and it never writes press.
Port 0 picks a free port; the bot prints the address it listens on.
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFERRED = ("check", "call")


def choose_action(request):
    legal = request["legalActions"]
    if request.get("simultaneous"):
        holds = [a for a in legal if a.endswith(" H")]
        return {"actions": holds} if holds else {"action": legal[0]}
    for action in PREFERRED:
        if action in legal:
            return {"action": action}
    return {"action": legal[0]}


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        try:
            length = int(self.headers.get("content-length", 0))
            request = json.loads(self.rfile.read(length))
            if request.get("protocol") != "parley.webhook" or request.get("version") != 1:
                return self.reply(400, {"error": "expected parley.webhook version 1"})
            if request.get("kind") == "negotiate":
                return self.reply(200, {"messages": []})
            if request.get("kind") == "act":
                return self.reply(200, choose_action(request))
            return self.reply(400, {"error": "unknown kind"})
        except (ValueError, KeyError, IndexError) as error:
            return self.reply(400, {"error": str(error)})

    def reply(self, status, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # keep stdout for the address line only
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8765
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"listening on http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
