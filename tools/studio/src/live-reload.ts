/**
 * Live reload: the studio watches what its pages are made of and tells every open page over Server-Sent Events
 * (`/__encore/reload`) to reload. Events are gathered for 50 ms, since one save often fires several (write,
 * rename, chmod), so a page reloads once and well within 300 ms of the save.
 */
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

export const RELOAD_PATH = '/__encore/reload';
const DEBOUNCE_MS = 50;
/** Reload streams open at once: pages open in browsers on this machine, never near this many. */
export const MAX_STREAMS = 256;

/** The script every studio page carries: reload on the server's word. Without EventSource, nothing happens. */
export const RELOAD_SCRIPT =
  `<script data-encore-live-reload>(function(){if(!window.EventSource)return;` +
  `var source=new EventSource(${JSON.stringify(RELOAD_PATH)});` +
  `source.addEventListener('reload',function(){source.close();location.reload();});})();</script>`;

/** A full HTML page with the reload script before `</body>`; fragments (Section Rendering answers) unchanged. */
export function withReloadScript(html: string): string {
  const end = html.lastIndexOf('</body>');
  return end === -1 || html.includes('data-encore-live-reload') ? html : `${html.slice(0, end)}${RELOAD_SCRIPT}${html.slice(end)}`;
}

export interface WatchTarget {
  /** A folder, watched with everything under it. */
  dir: string;
  /** Only this file in the folder (the fixture: editors replace a file on save, which ends a watch on the file itself). */
  file?: string;
  /** Runs before the pages are told, e.g. to reload the store. */
  onChange?: (file: string) => void;
}

export class LiveReload {
  private readonly clients = new Set<ServerResponse>();
  private readonly watchers: fs.FSWatcher[] = [];
  private readonly changed = new Map<string, WatchTarget>();
  private timer: NodeJS.Timeout | undefined;
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    // A comment now and then keeps proxies and idle timeouts from closing the stream.
    this.keepAlive = setInterval(() => {
      for (const client of this.clients) client.write(': ping\n\n');
    }, 15_000).unref();
  }

  watch(targets: WatchTarget[]): void {
    for (const target of targets) {
      if (!fs.existsSync(target.dir)) continue;
      const watcher = fs.watch(target.dir, { recursive: target.file === undefined, persistent: false }, (_event, name) => {
        const file = path.join(target.dir, String(name ?? ''));
        if (target.file !== undefined && path.basename(file) !== path.basename(target.file)) return;
        this.changed.set(file, target);
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
      });
      watcher.on('error', () => watcher.close());
      this.watchers.push(watcher);
    }
  }

  /** `GET /__encore/reload`: an event stream that stays open; each change is one `reload` event naming the files. */
  serve(request: IncomingMessage, response: ServerResponse): void {
    if (request.method !== 'GET') {
      response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET' });
      return void response.end('The reload stream answers GET.\n');
    }
    // Each open stream holds a connection: past this many, a page goes without live reload rather than the
    // studio running out of sockets.
    if (this.clients.size >= MAX_STREAMS) {
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' });
      return void response.end(`The studio already keeps ${MAX_STREAMS} reload streams open.\n`);
    }
    response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write('retry: 500\n\n');
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
  }

  /** Tells every page to reload now. */
  notify(files: string[]): void {
    const message = `event: reload\ndata: ${JSON.stringify({ files })}\n\n`;
    for (const client of this.clients) client.write(message);
  }

  close(): void {
    clearTimeout(this.timer);
    clearInterval(this.keepAlive);
    for (const watcher of this.watchers) watcher.close();
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private flush(): void {
    const changes = [...this.changed];
    this.changed.clear();
    try {
      for (const [file, target] of changes) target.onChange?.(file);
    } finally {
      this.notify(changes.map(([file]) => file));
    }
  }
}

/**
 * Puts the reload script into HTML another module writes to `response` (the extension previews answer
 * themselves): `writeHead` is watched for the type, and the page's last `end` chunk gets the script. A body
 * with a Content-Length, streamed in parts, or of another type passes untouched.
 */
export function injectReloadScript(response: ServerResponse): void {
  let html = false;
  const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  let wrote = false;
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  (response as { write: unknown }).write = (...args: unknown[]) => {
    wrote = true;
    return write(...args);
  };
  (response as { writeHead: unknown }).writeHead = (...args: unknown[]) => {
    const headers = args.find((arg, index) => index > 0 && typeof arg === 'object' && arg !== null && !Array.isArray(arg)) as
      Record<string, unknown> | undefined;
    const named = (name: string) => Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name)?.[1];
    const type = String(named('content-type') ?? response.getHeader('content-type') ?? '');
    html = type.startsWith('text/html') && named('content-length') === undefined && !response.hasHeader('content-length');
    return writeHead(...args);
  };
  (response as { end: unknown }).end = (...args: unknown[]) => {
    const [chunk] = args;
    if (html && !wrote && (typeof chunk === 'string' || Buffer.isBuffer(chunk))) {
      return end(withReloadScript(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk), ...args.slice(1).filter((arg) => typeof arg === 'function'));
    }
    return end(...args);
  };
}
