// Serves the built app (dist/) on loopback for the tests, on a free port.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The header `cargo xtask serve` sends so that no other site can frame the app. */
export const FRAME_ANCESTORS = "frame-ancestors 'none'";

export async function startServer(dist = process.env.QUALPLAN_DIST || path.resolve('dist')) {
  await stat(path.join(dist, 'index.html')).catch(() => {
    throw new Error(`no built app in ${dist}: run \`cargo xtask test\` (it builds first) or \`trunk build --release\``);
  });
  // The folder served; `serve` swaps it, as a new release of the site would.
  let root = dist;
  // While stalled, requests are taken and never answered: a network that does not answer.
  let stalled = false;
  const held = new Set();
  // Every path asked for, in order, so a test can tell what reached the network.
  const requested = [];
  // While refusing, each connection is dropped as soon as it asks (a server that is gone).
  let refusing = false;
  const server = http.createServer(async (req, res) => {
    requested.push(new URL(req.url, 'http://localhost').pathname);
    if (refusing) {
      req.socket.destroy();
      return;
    }
    if (stalled) {
      held.add(res);
      return;
    }
    const url = new URL(req.url, 'http://localhost');
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        // As `cargo xtask serve` sends it: no other site may show the app in a frame.
        'Content-Security-Policy': FRAME_ANCESTORS,
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const release = () => {
    for (const res of held) res.destroy();
    held.clear();
  };
  return {
    url: `http://127.0.0.1:${port}/`,
    requested,
    /** Serves `folder` from now on: a new release of the site. */
    serve(folder) {
      root = folder;
    },
    /** Drops every connection as it asks (true), or serves again (false). */
    refuse(on) {
      refusing = on;
    },
    /** Stops (true) or resumes (false) answering; held requests are then dropped. */
    stall(on) {
      stalled = on;
      if (!on) release();
    },
    close: () => {
      release();
      server.closeAllConnections();
      return new Promise((r) => server.close(r));
    },
  };
}
