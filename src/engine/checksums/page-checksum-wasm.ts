// Not instrumented for coverage: the page validator's workers run instantiatePageChecksumWasm
// from its source text, where the counters would be undefined.
/* istanbul ignore file */
/**
 * The WebAssembly SIMD kernel behind findBadPages in page-checksum.ts: page-checksum.wat,
 * assembled by scripts/build-wasm.ts into page-checksum-wasm-bytes.ts. Embedded as text because
 * ncc bundles the app into one file and the workers start from source text; neither has a .wasm
 * file to read.
 */

/** The exports of page-checksum.wat. */
export interface PageChecksumWasm {
  /** The kernel's linear memory: the caller copies pages in, reads checksums out, and grows it. */
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  /**
   * For each of the `pageCount` pages of `blockSize` bytes at `pagesPtr` (blocks `firstBlockNo`,
   * `firstBlockNo` + 1, ...), stores a uint32 at `outPtr` + 4 * i: pg_checksum_page in bits 0-15,
   * and bit 16 set when any byte of the page is not zero.
   */
  checksumPages(pagesPtr: number, pageCount: number, firstBlockNo: number, blockSize: number, outPtr: number): void;
}

/** The parts of the WebAssembly global that the loader uses (lib.dom is not in our tsconfig). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

export { PAGE_CHECKSUM_WASM_BASE64 } from './page-checksum-wasm-bytes';

/**
 * The kernel instantiated from `wasmBase64` (PAGE_CHECKSUM_WASM_BASE64), or null where it cannot
 * run: no WebAssembly at all (node --jitless) or no SIMD (the module then fails to compile).
 * Self-contained, like the functions of page-checksum.ts: workers evaluate its source text.
 */
export function instantiatePageChecksumWasm(wasmBase64: string): PageChecksumWasm | null {
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (wasm === undefined) return null;
  try {
    return new wasm.Instance(new wasm.Module(Buffer.from(wasmBase64, 'base64')), {}).exports as PageChecksumWasm;
  } catch {
    return null;
  }
}
