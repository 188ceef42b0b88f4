import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WebAppFile {
  readonly body: Uint8Array;
  /** The same bytes gzipped, for text files worth compressing; null otherwise. */
  readonly gzip: Uint8Array | null;
  readonly contentType: string;
  readonly etag: string;
}

/** The built single-page app, read once at start-up: URL path ("/assets/index-3f2a.js") → file. */
export interface WebAppFiles {
  readonly index: WebAppFile;
  readonly files: ReadonlyMap<string, WebAppFile>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt', '.webmanifest']);
const MAX_FILES = 500;

function listFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (found.length >= MAX_FILES)
        throw new Error(`web app: more than ${MAX_FILES} files in ${dir}`);
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) found.push(path);
    }
  };
  walk(dir);
  return found;
}

function fileOf(path: string): WebAppFile {
  const body = readFileSync(path);
  const extension = extname(path).toLowerCase();
  const gzip =
    COMPRESSIBLE.has(extension) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null;
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return {
    body,
    gzip,
    contentType: TYPES[extension] ?? 'application/octet-stream',
    etag: `"${hash}"`,
  };
}

/**
 * Reads a Vite build (`index.html` plus `assets/…`) into memory; only files of known types are
 * served (no source maps, no dotfiles). Null when the directory holds no index.html (the app was
 * not built): the API then runs without it.
 */
export function loadWebAppFiles(dir: string): WebAppFiles | null {
  const indexPath = join(dir, 'index.html');
  if (!existsSync(indexPath) || !statSync(indexPath).isFile()) return null;
  const files = new Map<string, WebAppFile>();
  for (const path of listFiles(dir)) {
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    if (urlPath.split('/').some((part) => part.startsWith('.'))) continue;
    if (TYPES[extname(path).toLowerCase()] === undefined) continue;
    files.set(urlPath, fileOf(path));
  }
  return { index: fileOf(indexPath), files };
}
