import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface Asset {
  readonly body: Uint8Array;
  readonly contentType: string;
}

/** The only files of swagger-ui-dist we serve: an allow-list, never a directory listing. */
const FILES: Readonly<Record<string, string>> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

/** Reads swagger-ui-dist from node_modules once, lazily: the docs work with no network. */
export class SwaggerAssets {
  private readonly cache = new Map<string, Asset>();
  private directory: string | undefined;

  get(name: string): Asset | undefined {
    const contentType = FILES[name];
    if (contentType === undefined) return undefined;
    let asset = this.cache.get(name);
    if (asset === undefined) {
      asset = { body: readFileSync(join(this.dir(), name)), contentType };
      this.cache.set(name, asset);
    }
    return asset;
  }

  private dir(): string {
    this.directory ??= dirname(
      createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
    );
    return this.directory;
  }
}
