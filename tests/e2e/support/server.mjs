// Serves the built app (dist/) on loopback for the tests, on a free port; optionally compressed as
// a static host would serve it (gzip -9 or brotli 11, by the Accept-Encoding header).
import http from 'node:http';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

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

/** The files a static host compresses (not images already compressed). */
const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.webmanifest', '.svg']);

/**
 * What the server may send compressed: `none` (the default: every file as it is), `gzip` (gzip -9
 * where the request accepts gzip) or `br` (brotli quality 11 where the request accepts br, else
 * gzip -9 where it accepts gzip). Each file is compressed once, not per request.
 */
export const COMPRESSIONS = ['none', 'gzip', 'br'];

/** A file's bodies, made once: as it is, gzip -9 and brotli 11. */
function encodings(body, mode) {
  const out = { identity: body };
  if (mode === 'none') return out;
  out.gzip = zlib.gzipSync(body, { level: 9 });
  if (mode === 'br') {
    out.br = zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    });
  }
  return out;
}

/** The encodings a request's Accept-Encoding header allows (a q of 0 refuses one). */
function accepted(header = '') {
  const ok = new Set();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) ok.add(name);
  }
  return ok;
}

/** Every file under `dir`, recursively. */
async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(p)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/**
 * Serves `dist` on a free loopback port. `options.compression` (or the QUALPLAN_COMPRESSION
 * variable) is one of COMPRESSIONS; with compression on, every file of `dist` is compressed when
 * the server starts, and a file first asked for later (a folder given to `serve`) when first asked.
 */
export async function startServer(dist = process.env.QUALPLAN_DIST || path.resolve('dist'), options = {}) {
  await stat(path.join(dist, 'index.html')).catch(() => {
    throw new Error(`no built app in ${dist}: run \`cargo xtask test\` (it builds first) or \`trunk build --release\``);
  });
  const compression = options.compression || process.env.QUALPLAN_COMPRESSION || 'none';
  if (!COMPRESSIONS.includes(compression)) {
    throw new Error(`unknown compression ${compression}: expected one of ${COMPRESSIONS.join(', ')}`);
  }
  // Each file's bodies by path, with the size and time of the file they were made from.
  const bodies = new Map();
  async function bodiesOf(file) {
    const { size, mtimeMs } = await stat(file);
    const hit = bodies.get(file);
    if (hit && hit.size === size && hit.mtimeMs === mtimeMs) return hit.encoded;
    const body = await readFile(file);
    const encoded = COMPRESSIBLE.has(path.extname(file)) ? encodings(body, compression) : { identity: body };
    bodies.set(file, { size, mtimeMs, encoded });
    return encoded;
  }
  if (compression !== 'none') {
    for (const file of await files(dist)) await bodiesOf(file);
  }
  // Every response sent compressed or not, in order: its path, encoding and bytes on the wire.
  const served = [];
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
      const headers = {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        // As `cargo xtask serve` sends it: no other site may show the app in a frame.
        'Content-Security-Policy': FRAME_ANCESTORS,
      };
      let body;
      let encoding = 'identity';
      if (compression === 'none') {
        body = await readFile(file);
      } else {
        const encoded = await bodiesOf(file);
        const ok = accepted(req.headers['accept-encoding']);
        encoding = ['br', 'gzip'].find((e) => encoded[e] && ok.has(e)) || 'identity';
        body = encoded[encoding];
        if (encoded.gzip) headers.Vary = 'Accept-Encoding';
        if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
        headers['Content-Length'] = body.length;
      }
      served.push({ path: url.pathname, encoding, bytes: body.length });
      res.writeHead(200, headers);
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
    served,
    compression,
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
