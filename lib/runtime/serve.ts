// The production web server `npm start` runs: Next's request handler behind Node's own HTTP
// server, so that each request can carry the connection's peer address to the app (Next does not
// expose the socket; rate limits need an address a client cannot choose: lib/auth/client-address.ts).
import { createServer } from "node:http";
import next from "next";
import { markPeerAddressStamped, PEER_ADDRESS_HEADER } from "@/lib/auth/peer-address";
import { projectRoot } from "./processes";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";

markPeerAddressStamped();
const app = next({ dev: false, dir: projectRoot, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  // Next answers a path that is not percent-encoded UTF-8 (`/api/invites/%E2%82`) with a 500 while
  // decoding its parameters, before any route runs: refuse it here as the bad request it is.
  if (!decodablePath(request.url ?? "/")) {
    response.writeHead(400, { "content-type": "application/json" });
    response.end(
      JSON.stringify({ error: { code: "invalid_path", message: "The URL has a malformed percent-encoded part." } }),
    );
    return;
  }
  // Always overwritten: a value the client sent under this name never reaches the app.
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "unknown";
  handle(request, response).catch((error: unknown) => {
    console.error("[server] request failed", error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
server.listen(port, hostname, () => console.log(`▸ Listening on http://${hostname}:${port}`));

// Stop taking connections, let requests in flight finish, and end the never-ending ones (live
// update streams) after a grace period; a second signal stops at once.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(0);
    stopping = true;
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, 5_000).unref();
  });
}

function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0] ?? "");
    return true;
  } catch {
    return false;
  }
}
