/**
 * The WebAssembly LZ4 block decoder (lz4-block.wat, assembled into lz4-block-wasm-bytes.ts by
 * scripts/build-lz4-wasm.ts). One instance serves every frame decoder: decoding is synchronous,
 * and each call copies its block and history in and its output out.
 */
import { LZ4_BLOCK_WASM_BASE64 } from './lz4-block-wasm-bytes';

const MIB = 1024 * 1024;
/** Where a compressed block goes (up to 4 MiB). */
const IN = 0;
/** Where output starts; up to 64 KiB of history sits just below it. */
const OUT = 4 * MIB + 64 * 1024;

interface Lz4BlockExports {
  memory: { buffer: ArrayBuffer };
  decode(ip: number, ipEnd: number, op: number, opEnd: number, low: number): number;
}

/** The parts of the WebAssembly global used here (lib.dom is not in our tsconfig). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}

let instance: { exports: Lz4BlockExports; mem: Uint8Array } | null | undefined;

function load(): { exports: Lz4BlockExports; mem: Uint8Array } | null {
  if (instance !== undefined) return instance;
  const wasm = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  try {
    const exports = new wasm!.Instance(new wasm!.Module(Buffer.from(LZ4_BLOCK_WASM_BASE64, 'base64')), {}).exports as Lz4BlockExports;
    // The memory never grows, so one view serves every call.
    instance = { exports, mem: new Uint8Array(exports.memory.buffer) };
  } catch {
    instance = null; // no WebAssembly (node --jitless): the JavaScript decoder runs instead
  }
  return instance;
}

export function lz4WasmAvailable(): boolean {
  return load() !== null;
}

/**
 * Decodes one block (`src`, at most 4 MiB, into at most `blockMax` bytes) after `history` (at most
 * 64 KiB). Returns the output as a new Buffer, or null when the block is corrupt (the JavaScript
 * decoder then says how). Throws when WebAssembly is not available.
 */
export function decodeBlockWasm(src: Uint8Array, history: Uint8Array, blockMax: number): Buffer | null {
  const w = load();
  if (!w) throw new Error('internal: the WebAssembly lz4 decoder is not available here');
  if (src.length > 4 * MIB || history.length > 64 * 1024 || blockMax > 4 * MIB) throw new Error('internal: lz4 block, history or block size beyond the decoder\'s memory');
  w.mem.set(src, IN);
  const low = OUT - history.length;
  w.mem.set(history, low);
  const end = w.exports.decode(IN, IN + src.length, OUT, OUT + blockMax, low);
  if (end < 0) return null;
  return Buffer.from(w.mem.subarray(OUT, end));
}
