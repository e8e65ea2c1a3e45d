/**
 * Stand-ins for `Uint8Array.fromBase64` and `Uint8Array.prototype.toBase64` where Node lacks
 * them (Node 20 has neither), backed by `Buffer`. lib/encoding/base64.ts uses the native
 * methods where present and `atob`/`btoa` otherwise, which in Node are slow JavaScript: without
 * these, the Node sections (matcher build, search) would time a fallback the extension's
 * background, in a browser with the native methods, never runs. Installed once by run.ts;
 * never part of the extension.
 */
export function installNativeBase64(): void {
  if (!('fromBase64' in Uint8Array)) {
    Object.defineProperty(Uint8Array, 'fromBase64', {
      configurable: true,
      writable: true,
      // A copy, not a view: Buffers share a pool, and decoded tables need aligned, own memory.
      value: (text: string): Uint8Array => {
        const decoded = Buffer.from(text, 'base64');
        return new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength).slice();
      },
    });
  }
  if (!('toBase64' in Uint8Array.prototype)) {
    Object.defineProperty(Uint8Array.prototype, 'toBase64', {
      configurable: true,
      writable: true,
      value(this: Uint8Array): string {
        return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
      },
    });
  }
}
